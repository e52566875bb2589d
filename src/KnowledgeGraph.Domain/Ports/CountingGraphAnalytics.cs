using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Domain.Search;

namespace KnowledgeGraph.Domain.Ports;

/// <summary>
/// The analytics port with every call counted in the same <see cref="StoreCallCounter"/> as
/// <see cref="CountingGraphStore"/>, so a request's store calls include its aggregates.
/// </summary>
public sealed class CountingGraphAnalytics(IGraphAnalytics analytics, StoreCallCounter counter) : IGraphAnalytics
{
    /// <inheritdoc />
    public Task<Page<StatsRow>> StatementStatsAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        counter.Increment();
        return analytics.StatementStatsAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TimelineEvent>> TimelineAsync(NodeId subject, int limit, CancellationToken cancellationToken)
    {
        counter.Increment();
        return analytics.TimelineAsync(subject, limit, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        counter.Increment();
        return analytics.SearchAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, RecordAggregate>> AggregateAsync<T>(
        Relation<T>? relation,
        IReadOnlyCollection<string> parentKeys,
        Filter? where,
        CancellationToken cancellationToken)
        where T : class
    {
        counter.Increment();
        return analytics.AggregateAsync(relation, parentKeys, where, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<GraphPath>> ShortestPathsAsync(NodeId from, NodeId to, PathLimits limits, CancellationToken cancellationToken)
    {
        counter.Increment();
        return analytics.ShortestPathsAsync(from, to, limits, cancellationToken);
    }
}
