using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Domain.Ports;

/// <summary>
/// The store port with every call counted in a <see cref="StoreCallCounter"/>, before it is
/// made (so a call that fails counts too). One decorator for every store: what a call costs
/// inside a store (statements, HTTP requests, retries) is that store's business.
/// </summary>
public sealed class CountingGraphStore(IGraphStore store, IGraphStoreAdmin admin, StoreCallCounter counter) : IGraphStore, IGraphStoreAdmin
{
    /// <inheritdoc />
    public Task<IReadOnlyList<T>> GetAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node
    {
        counter.Increment();
        return store.GetAsync<T>(keys, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Page<T>> ListAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : Node
    {
        counter.Increment();
        return store.ListAsync<T>(where, order, page, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, Page<T>>> ExpandAsync<T>(
        Relation<T> relation,
        IReadOnlyCollection<string> parentKeys,
        Filter? where,
        IReadOnlyList<SortField> order,
        PageRequest page,
        CancellationToken cancellationToken)
        where T : class
    {
        counter.Increment();
        return store.ExpandAsync(relation, parentKeys, where, order, page, cancellationToken);
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        counter.Increment();
        return admin.InitializeAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        counter.Increment();
        return admin.IsEmptyAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<NodeId>> ExistingAsync(IReadOnlyCollection<NodeId> keys, CancellationToken cancellationToken)
    {
        counter.Increment();
        return admin.ExistingAsync(keys, cancellationToken);
    }

    /// <inheritdoc />
    public Task ImportAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        counter.Increment();
        return admin.ImportAsync(batch, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, T>> ResolveAsync<T>(IReadOnlyCollection<string> keys, RecordParts parts, CancellationToken cancellationToken)
        where T : Node
    {
        counter.Increment();
        return store.ResolveAsync<T>(keys, parts, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<NodeId, string>> RedirectsAsync(IReadOnlyCollection<NodeId> ids, CancellationToken cancellationToken)
    {
        counter.Increment();
        return admin.RedirectsAsync(ids, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Import.Redirect>> ListRedirectsAsync(CancellationToken cancellationToken)
    {
        counter.Increment();
        return admin.ListRedirectsAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<Editing.MergeOutcome> MergeAsync(NodeId survivor, NodeId duplicate, Changes.ChangeEntry? change, CancellationToken cancellationToken)
    {
        counter.Increment();
        return admin.MergeAsync(survivor, duplicate, change, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Editing.RetractOutcome> RetractAsync(string statementKey, string reason, DateTimeOffset at, Changes.ChangeEntry? change, CancellationToken cancellationToken)
    {
        counter.Increment();
        return admin.RetractAsync(statementKey, reason, at, change, cancellationToken);
    }
}
