using System.Collections.Concurrent;
using GraphQL;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Pipeline;

/// <summary>
/// What the resolvers of one request share: the store, the limits, and the batch loaders
/// (one per node type, and one per relationship and argument set).
/// </summary>
internal sealed class RequestContext(IGraphStore store, GraphQLOptions options) : Dictionary<string, object?>
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(object Node, object Definition), object> _perField = new();

    public IGraphStore Store { get; } = store;

    public GraphQLOptions Options { get; } = options;

    /// <summary>The loader of nodes of type <typeparamref name="T"/> by key; a merged-away key loads its survivor.</summary>
    public BatchLoader<string, T> Nodes<T>()
        where T : Node =>
        (BatchLoader<string, T>)_loaders.GetOrAdd(
            "node:" + typeof(T).Name,
            _ => new BatchLoader<string, T>(async (keys, ct) =>
                await Store.ResolveAsync<T>(keys, ct)));

    /// <summary>
    /// What <paramref name="create"/> makes for this field of the document, made once per request:
    /// a field's arguments come from literals and variables, so they are the same for every parent.
    /// </summary>
    public T PerField<T>(IResolveFieldContext context, Func<T> create) =>
        (T)_perField.GetOrAdd((context.FieldAst, context.FieldDefinition), _ => create()!);

    /// <summary>The loader named <paramref name="key"/>, made with <paramref name="fetch"/> the first time it is asked for.</summary>
    public BatchLoader<string, TValue> Loader<TValue>(string key, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, TValue>>> fetch)
        where TValue : class =>
        (BatchLoader<string, TValue>)_loaders.GetOrAdd(key, _ => new BatchLoader<string, TValue>(fetch));

    /// <summary>The loader of one relationship's pages, for one set of arguments.</summary>
    public BatchLoader<string, Page<T>> Expand<T>(Relation<T> relation, Filter? where, IReadOnlyList<SortField> order, PageRequest page)
        where T : class
    {
        // Fields with equal arguments share a batch; each distinct argument set is its own call.
        return (BatchLoader<string, Page<T>>)_loaders.GetOrAdd(
            LoaderKey.Of(relation.Name, where, order, page),
            _ => new BatchLoader<string, Page<T>>(async (keys, ct) =>
                await Store.ExpandAsync(relation, keys, where, order, page, ct)));
    }
}

/// <summary>Access to the <see cref="RequestContext"/> from a resolver.</summary>
internal static class RequestContextExtensions
{
    public static RequestContext Request(this IResolveFieldContext context) => (RequestContext)context.UserContext;
}
