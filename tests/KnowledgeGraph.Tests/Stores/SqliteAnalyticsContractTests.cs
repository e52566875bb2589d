using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>The analytics contract on the embedded SQLite store.</summary>
public sealed class SqliteAnalyticsContractTests(SqliteStores stores) : AnalyticsContractTests, IClassFixture<SqliteStores>
{
    protected override async Task<(IGraphAnalytics Analytics, StoreCallCounter Counter)> SeededAsync()
    {
        var seeded = await stores.SeededAsync();
        var counter = new StoreCallCounter();
        return (new CountingGraphAnalytics(new SqliteAnalytics((SqliteGraphStore)seeded.Store), counter), counter);
    }
}
