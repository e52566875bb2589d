using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Unit;

/// <summary>The one decorator that counts store calls, in front of a real SQLite store.</summary>
public sealed class CountingGraphStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "kg-counting-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly StoreCallCounter _counter = new();
    private readonly CountingGraphStore _store;

    public CountingGraphStoreTests()
    {
        var sqlite = new SqliteGraphStore(_path);
        _store = new CountingGraphStore(sqlite, sqlite, _counter);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task Every_port_call_counts_once_whatever_it_sends()
    {
        await _store.InitializeAsync(Cancel);
        Assert.Equal(1, _counter.Total);
        Assert.True(await _store.IsEmptyAsync(Cancel));
        Assert.Equal(2, _counter.Total);

        // The seed refers to nothing outside itself, so its import is one call, for all its records.
        var batch = await new BundleImporter(_store, _store).ImportAsync("seed", Seed.BundleJson, Seed.ReadTextFile, Cancel);
        Assert.Equal(3, _counter.Total);
        Assert.Equal(55, batch.Count);

        await _store.GetAsync<Place>(["ukraine", "russia", "zorya"], Cancel);
        await _store.ListAsync<Statement>(new Compare(Fields.Kind, CompareOp.Eq, StatementKind.Claim), [new SortField(Fields.Date, true)], new PageRequest(null, 2, null, null, true), Cancel);
        await _store.ExpandAsync(Relations.PlaceStatementsAboutWithin, ["ukraine", "donetsk-oblast", "russia"], null, [], PageRequest.FirstItems(3, includeTotalCount: true), Cancel);
        await _store.ExistingAsync([new Domain.Ids.NodeId(Domain.Ids.NodeType.Place, "ukraine")], Cancel);
        Assert.Equal(7, _counter.Total);
    }

    [Fact]
    public async Task A_failing_call_counts_too()
    {
        await File.WriteAllTextAsync(_path, "not a database", Cancel);
        var error = await Assert.ThrowsAsync<StoreException>(() => _store.IsEmptyAsync(Cancel));
        Assert.Equal((StoreException.Failed, "The SQLite database file is damaged or is not a database (SQLITE_NOTADB)."), (error.Code, error.Message));
        Assert.Equal(1, _counter.Total);
    }

    [Fact]
    public async Task A_scope_counts_the_calls_of_its_own_flow_only()
    {
        await _store.InitializeAsync(Cancel);
        using var outer = StoreCallCounter.BeginScope();
        await _store.IsEmptyAsync(Cancel);
        long inner;
        using (var scope = StoreCallCounter.BeginScope())
        {
            await Task.Run(() => _store.GetAsync<Place>(["kyiv"], Cancel), Cancel);
            await _store.GetAsync<Person>(["nobody"], Cancel);
            inner = scope.Count;
        }

        await _store.IsEmptyAsync(Cancel);
        Assert.Equal((2L, 4L, 5L), (inner, outer.Count, _counter.Total));
    }
}
