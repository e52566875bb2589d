using GraphQL;
using GraphQL.DataLoader;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Aggregates;

/// <summary>
/// Where a connection's <c>aggregate</c> comes from: the records of a root connection, or one
/// parent's related records. The aggregates of every parent of one level that share a relation
/// and a filter are fetched in one store call, like their pages.
/// </summary>
internal sealed record AggregateSource(
    string Key,
    string ParentKey,
    Func<IGraphAnalytics, IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, RecordAggregate>>> Fetch)
{
    /// <summary>The aggregate of all records of type <typeparamref name="T"/> that match <paramref name="where"/>.</summary>
    public static AggregateSource Root<T>(Filter? where)
        where T : class =>
        new("aggregate:" + typeof(T).Name + ";where:" + KnowledgeGraph.Api.GraphQL.LoaderKey.Of(where), string.Empty,
            (analytics, keys, ct) => analytics.AggregateAsync<T>(null, keys, where, ct));

    /// <summary>The aggregate of one parent's related records that match <paramref name="where"/>.</summary>
    public static AggregateSource Related<T>(Relation<T> relation, Filter? where, string parentKey)
        where T : class =>
        new("aggregate:" + relation.Name + ";where:" + KnowledgeGraph.Api.GraphQL.LoaderKey.Of(where), parentKey,
            (analytics, keys, ct) => analytics.AggregateAsync(relation, keys, where, ct));

    /// <summary>This source's aggregate, batched with every other of the same relation and filter in the request.</summary>
    public IDataLoaderResult<RecordAggregate> Load(IResolveFieldContext context)
    {
        var analytics = context.RequestServices!.GetRequiredService<IGraphAnalytics>();
        var loader = context.Request().Loader(Key, (keys, ct) => Fetch(analytics, keys, ct));
        return new Mapped<RecordAggregate?, RecordAggregate>(loader.Load(ParentKey), a => a ?? RecordAggregate.None);
    }
}
