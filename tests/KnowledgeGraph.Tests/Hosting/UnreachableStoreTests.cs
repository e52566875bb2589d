using System.Net;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Hosting;

/// <summary>
/// The host configured for a Neo4j that does not answer (a closed loopback port): it starts,
/// stays live, is not ready, and answers queries with a clear store error instead of failing.
/// </summary>
public sealed class UnreachableStoreTests : IAsyncLifetime
{
    private readonly ApiFactory _host = new()
    {
        Settings =
        {
            ["Store"] = "Neo4j",
            ["Neo4j:Uri"] = "http://127.0.0.1:9",
            ["Neo4j:Password"] = "unused",
            ["Neo4j:RetryBudget"] = "00:00:00.3",
            ["Neo4j:RetryDelay"] = "00:00:00.1",
            ["Neo4j:MaxRetryDelay"] = "00:00:00.1",
        },
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task It_is_live_but_not_ready()
    {
        using var client = _host.CreateClient();
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("{\"status\":\"starting\"}", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_query_gets_STORE_UNAVAILABLE_and_no_internals()
    {
        var response = await GraphQLWire.PostAsync(_host.CreateClient(), new { query = "{ places(first: 1) { nodes { name } } }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var (message, code) = response.FirstError;
        Assert.Equal("STORE_UNAVAILABLE", code);
        Assert.StartsWith("Neo4j is unavailable:", message, StringComparison.Ordinal);
        Assert.DoesNotContain("MATCH", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", response.Text, StringComparison.Ordinal);
        Assert.Equal("{\"places\":null}", response.Data.ToJsonString());
    }
}
