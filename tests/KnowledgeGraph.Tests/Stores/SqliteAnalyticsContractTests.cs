using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>The analytics contract on the embedded SQLite store.</summary>
public sealed class SqliteAnalyticsContractTests(SqliteStores stores) : AnalyticsContractTests, IClassFixture<SqliteStores>
{
    protected override async Task<(IGraphAnalytics Analytics, RoundTripCounter Counter)> SeededAsync()
    {
        var seeded = await stores.SeededAsync();
        return (new SqliteAnalytics((SqliteGraphStore)seeded.Store, seeded.Counter), seeded.Counter);
    }
}
