using System.Net;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Hosting;

/// <summary>What the host does at start-up: create the file, apply the schema, seed an empty store once.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new("kg-startup");

    public void Dispose() => _scratch.Dispose();

    private const string Counts = "{ statements { totalCount } places { totalCount } articles { totalCount nodes { key } } }";

    [Fact]
    public async Task A_first_start_creates_and_seeds_the_file_and_a_restart_keeps_it_without_loading_again()
    {
        string first;
        await using (var host = new ApiFactory(_scratch.Path))
        {
            Assert.False(File.Exists(host.DatabasePath));
            first = (await GraphQLWire.PostAsync(host.CreateClient(), new { query = Counts })).EnsureNoErrors().Data.ToJsonString();
            Assert.True(File.Exists(host.DatabasePath));
            Assert.Equal("{\"statements\":{\"totalCount\":21},\"places\":{\"totalCount\":16},\"articles\":{\"totalCount\":1,\"nodes\":[{\"key\":\"000-7ec11662766b884c\"}]}}", first);

            // The schema, the emptiness check, the import of the one bundle (which of its keys were
            // merged away, which of its ids the store holds, the stored names of places,
            // organisations and people to resolve against, the stored parents of the top places it
            // gives without one, for the containment cycle check, the write); then the query's
            // three lists.
            Assert.Equal(12, host.StoreCalls);
        }

        await using (var restarted = new ApiFactory(_scratch.Path))
        {
            var client = restarted.CreateClient();
            Assert.Equal(first, (await GraphQLWire.PostAsync(client, new { query = Counts })).EnsureNoErrors().Data.ToJsonString());

            // The emptiness check found data, so nothing was imported: the schema, the check, then the three lists.
            Assert.Equal(5, restarted.StoreCalls);
        }
    }

    [Fact]
    public async Task With_seeding_off_the_store_starts_empty()
    {
        await using var host = new ApiFactory(_scratch.Path) { Settings = { ["Seed:Enabled"] = "false" } };
        var data = (await GraphQLWire.PostAsync(host.CreateClient(), new { query = Counts })).EnsureNoErrors().Data.ToJsonString();
        Assert.Equal("{\"statements\":{\"totalCount\":0},\"places\":{\"totalCount\":0},\"articles\":{\"totalCount\":0,\"nodes\":[]}}", data);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer()
    {
        await using var host = new ApiFactory(_scratch.Path);
        using var client = host.CreateClient();
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal((HttpStatusCode.OK, "{\"status\":\"live\"}"), (live.StatusCode, await live.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal((HttpStatusCode.OK, "{\"status\":\"ready\"}"), (ready.StatusCode, await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }
}
