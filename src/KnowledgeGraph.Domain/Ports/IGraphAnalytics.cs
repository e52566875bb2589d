using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Domain.Ports;

/// <summary>
/// Aggregates computed by the store (SQL GROUP BY, Cypher aggregation), never by loading rows
/// into the API. Each method is one round trip.
/// </summary>
public interface IGraphAnalytics
{
    /// <summary>One window of the groups of statements <paramref name="query"/> asks for.</summary>
    Task<Page<StatsRow>> StatementStatsAsync(StatsQuery query, CancellationToken cancellationToken);
}
