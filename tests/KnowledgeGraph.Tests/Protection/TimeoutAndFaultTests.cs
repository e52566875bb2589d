using System.Net;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Protection;

/// <summary>The execution timeout, and a failure inside the server: clear codes, no details, the server carries on.</summary>
public sealed class TimeoutAndFaultTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();
    private WebApplicationFactory<Program> _host = null!;
    private SwitchableStore _store = null!;
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["GraphQL:ExecutionTimeout"] = "00:00:00.500";
        _host = SwitchableStore.Host(_factory);
        _http = _host.CreateClient();
        _store = _host.Services.GetRequiredService<SwitchableStore>();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task An_operation_running_past_the_timeout_is_cancelled_with_TIMEOUT()
    {
        _store.Mode = StoreMode.Slow;
        var started = DateTime.UtcNow;

        var response = await GraphQLWire.PostAsync(_http, new { query = "{ people(first: 1) { totalCount } }" });

        var elapsed = DateTime.UtcNow - started;
        _store.Mode = StoreMode.Normal;
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
        Assert.Equal("TIMEOUT", response.Code);
        Assert.Equal("The operation has timed out.", response.Message);
        Assert.Null(response.Json!["data"]);
        Assert.True(elapsed < TimeSpan.FromSeconds(20), $"the timeout of 0.5 s took {elapsed}");
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task A_failure_inside_the_server_names_the_request_id_and_nothing_else()
    {
        _store.Mode = StoreMode.Faulty;

        var response = await GraphQLWire.PostAsync(_http, new { query = "{ people(first: 1) { totalCount } }" });

        _store.Mode = StoreMode.Normal;
        Assert.Equal(HttpStatusCode.OK, response.Status); // a field error inside a response that has data
        Assert.Equal("INTERNAL_SERVER_ERROR", response.Code);
        var requestId = response.Header(GraphQLWire.RequestIdHeader);
        Assert.Equal($"An internal error occurred; the server log has it under request id {requestId}.", response.Message);
        Assert.Equal(requestId, response.RequestId);
        Assert.DoesNotContain("hunter2", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", response.Text, StringComparison.Ordinal);
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }
}
