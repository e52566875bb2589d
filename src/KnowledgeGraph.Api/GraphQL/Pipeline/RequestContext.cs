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
    // Plain dictionaries under one lock, made on first use: most requests ask for a few loaders,
    // and a concurrent dictionary costs more to create than all their lookups.
    private readonly Lock _gate = new();
    private Dictionary<string, object>? _loaders;
    private Dictionary<(object Node, object Definition), object>? _perField;

    public IGraphStore Store { get; } = store;

    public GraphQLOptions Options { get; } = options;

    /// <summary>
    /// Whether the operation may execute on the socket thread that read it (<see cref="IoThreadPolicy"/>):
    /// set by <see cref="Protection.QueryLimitsRule"/> once it has priced a cheap query, false otherwise.
    /// </summary>
    public bool MayRunOnIoThread { get; set; }

    /// <summary>Set by <see cref="Protection.QueryLimitsRule"/> when a field's work is not bounded by its price.</summary>
    internal bool SelectsUnboundedWork { get; set; }

    /// <summary>
    /// The loader of nodes of type <typeparamref name="T"/> by key, reading the record parts that
    /// <paramref name="field"/>'s selection needs (<see cref="SelectionParts"/>); a merged-away
    /// key loads its survivor. Fields whose selections need the same parts share a loader.
    /// </summary>
    public BatchLoader<string, T> Nodes<T>(IResolveFieldContext field)
        where T : Node =>
        Nodes<T>(SelectionParts.Of(field, typeof(T).Name));

    /// <summary>The loader of nodes of type <typeparamref name="T"/> by key, reading <paramref name="parts"/> of each record.</summary>
    public BatchLoader<string, T> Nodes<T>(RecordParts parts)
        where T : Node
    {
        // Found first: the loader is asked for once per parent, the closure below is made once.
        var key = NodeLoaderKey<T>.For(parts);
        return Find(_loaders, key) as BatchLoader<string, T> ?? MakeNodes<T>(key, parts);
    }

    /// <summary>
    /// What <paramref name="create"/> makes for this field of the document, made once per request:
    /// a field's arguments come from literals and variables, so they are the same for every parent.
    /// </summary>
    public T PerField<T>(IResolveFieldContext context, Func<T> create)
    {
        var key = ((object)context.FieldAst, (object)context.FieldDefinition);
        return Find(_perField, key) is { } found ? (T)found : (T)GetOrAdd(ref _perField, key, () => create()!);
    }

    /// <summary>
    /// As <see cref="PerField{T}(IResolveFieldContext, Func{T})"/>, with <paramref name="create"/>
    /// given <paramref name="state"/>, so that a caller's delegate can be made once, not per parent.
    /// </summary>
    public T PerField<TState, T>(IResolveFieldContext context, TState state, Func<TState, T> create)
    {
        var key = ((object)context.FieldAst, (object)context.FieldDefinition);
        return Find(_perField, key) is { } found ? (T)found : (T)GetOrAdd(ref _perField, key, () => create(state)!);
    }

    /// <summary>The loader named <paramref name="key"/>, made with <paramref name="fetch"/> the first time it is asked for.</summary>
    public BatchLoader<string, TValue> Loader<TValue>(string key, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, TValue>>> fetch)
        where TValue : class =>
        (BatchLoader<string, TValue>)Loader(key, () => new BatchLoader<string, TValue>(fetch));

    /// <summary>The loader of one relationship's pages, for one set of arguments.</summary>
    public BatchLoader<string, Page<T>> Expand<T>(Relation<T> relation, Filter? where, IReadOnlyList<SortField> order, PageRequest page)
        where T : class
    {
        // Fields with equal arguments share a batch; each distinct argument set is its own call.
        return (BatchLoader<string, Page<T>>)Loader(
            LoaderKey.Of(relation.Name, where, order, page),
            () => new BatchLoader<string, Page<T>>(async (keys, ct) =>
                await Store.ExpandAsync(relation, keys, where, order, page, ct)));
    }

    private BatchLoader<string, T> MakeNodes<T>(string key, RecordParts parts)
        where T : Node =>
        (BatchLoader<string, T>)Loader(
            key,
            () => new BatchLoader<string, T>(async (keys, ct) =>
                await Store.ResolveAsync<T>(keys, parts, ct)));

    private object Loader(string key, Func<object> create) => GetOrAdd(ref _loaders, key, create);

    /// <summary>The entry for <paramref name="key"/>, or null when there is none yet.</summary>
    private object? Find<TKey>(Dictionary<TKey, object>? map, TKey key)
        where TKey : notnull
    {
        lock (_gate)
        {
            return map is not null && map.TryGetValue(key, out var found) ? found : null;
        }
    }

    /// <summary>The entry for <paramref name="key"/>, made outside the lock (it may ask for other entries); the first one stored wins.</summary>
    private TValue GetOrAdd<TKey, TValue>(ref Dictionary<TKey, TValue>? map, TKey key, Func<TValue> create)
        where TKey : notnull
    {
        lock (_gate)
        {
            if (map is not null && map.TryGetValue(key, out var found))
            {
                return found;
            }
        }

        var made = create();
        lock (_gate)
        {
            map ??= [];
            if (map.TryGetValue(key, out var raced))
            {
                return raced;
            }

            map[key] = made;
            return made;
        }
    }

    /// <summary>The key of the node loader of each type and set of record parts, made once.</summary>
    private static class NodeLoaderKey<T>
    {
        private static readonly string[] Keys = Enumerable.Range(0, (int)RecordParts.All + 1)
            .Select(parts => $"node:{typeof(T).Name}:{parts}")
            .ToArray();

        public static string For(RecordParts parts) => Keys[(int)(parts & RecordParts.All)];
    }
}

/// <summary>Access to the <see cref="RequestContext"/> from a resolver.</summary>
internal static class RequestContextExtensions
{
    public static RequestContext Request(this IResolveFieldContext context) => (RequestContext)context.UserContext;
}
