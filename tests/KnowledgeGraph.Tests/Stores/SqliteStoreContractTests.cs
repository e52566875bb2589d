using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>A real SQLite file per store, in a folder removed when the tests end.</summary>
public sealed class SqliteStores : IAsyncLifetime
{
    private readonly ScratchDirectory _scratch = new("kg-sqlite");
    private readonly Lazy<Task<StoreUnderTest>> _seeded;

    public SqliteStores() => _seeded = new(async () =>
    {
        var store = await CreateAsync();
        await new BundleImporter(store.Store, store.Admin).ImportAsync("seed", Seed.BundleJson, Seed.ReadTextFile, CancellationToken.None);
        return store;
    });

    public Task<StoreUnderTest> SeededAsync() => _seeded.Value;

    public async Task<StoreUnderTest> CreateAsync()
    {
        var store = new SqliteGraphStore(Path.Combine(_scratch.Path, Guid.NewGuid().ToString("N") + ".db"));
        await store.InitializeAsync(CancellationToken.None);
        return new StoreUnderTest(store, store);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _scratch.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The store contract on the embedded SQLite store.</summary>
public sealed class SqliteStoreContractTests(SqliteStores stores) : StoreContractTests, IClassFixture<SqliteStores>
{
    protected override Task<StoreUnderTest> SeededAsync() => stores.SeededAsync();

    protected override Task<StoreUnderTest> EmptyAsync() => stores.CreateAsync();

    [Fact]
    public async Task Initialising_twice_on_an_existing_file_keeps_the_data()
    {
        var seeded = (SqliteGraphStore)(await stores.SeededAsync()).Store;
        var again = new SqliteGraphStore(seeded.FilePath);
        await again.InitializeAsync(TestContext.Current.CancellationToken);
        Assert.False(await again.IsEmptyAsync(TestContext.Current.CancellationToken));
        var places = await again.ListAsync<Domain.Model.Place>(null, [], new Domain.Query.PageRequest(0, null, null, null, true), TestContext.Current.CancellationToken);
        Assert.Equal(16, places.TotalCount);
    }
}
