using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Domain.Search;

namespace KnowledgeGraph.Domain.Ports;

/// <summary>
/// Aggregates computed by the store (SQL GROUP BY, Cypher aggregation), never by loading rows
/// into the API. Each method is one round trip.
/// </summary>
public interface IGraphAnalytics
{
    /// <summary>One window of the groups of statements <paramref name="query"/> asks for.</summary>
    Task<Page<StatsRow>> StatementStatsAsync(StatsQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// What happened around <paramref name="subject"/>: the statements about a place (or a place
    /// inside it), by a person or organisation, or made in a negotiation, and the rounds of talks
    /// held there, with that organisation, or of that negotiation; in date order (unknown dates
    /// last), at most <paramref name="limit"/> events.
    /// </summary>
    Task<IReadOnlyList<TimelineEvent>> TimelineAsync(NodeId subject, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The nodes whose name, alias, statement text or article title hold every word of
    /// <paramref name="query"/> (case and diacritics folded), best first, one hit per node with
    /// its best-matching text, at most <see cref="SearchQuery.Limit"/>. Throws
    /// <see cref="SearchQueryException"/> when the store cannot run the words as a query.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Counts, earliest and latest date and counts per kind of the records of type
    /// <typeparamref name="T"/> that match <paramref name="where"/>: with no
    /// <paramref name="relation"/>, of all of them (keyed by the empty string); otherwise of
    /// each parent's related records (keyed by parent key, every parent present). One round
    /// trip for all parents, whatever their number.
    /// </summary>
    Task<IReadOnlyDictionary<string, RecordAggregate>> AggregateAsync<T>(
        Relation<T>? relation,
        IReadOnlyCollection<string> parentKeys,
        Filter? where,
        CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// The shortest chains of relationships between two nodes, followed in either direction,
    /// within <paramref name="limits"/>: empty when none is that short; one path of no hops when
    /// <paramref name="from"/> is <paramref name="to"/>. Paths come in a fixed order (by the
    /// keys of their nodes), so every store returns the same ones. One round trip.
    /// </summary>
    Task<IReadOnlyList<GraphPath>> ShortestPathsAsync(NodeId from, NodeId to, PathLimits limits, CancellationToken cancellationToken);
}
