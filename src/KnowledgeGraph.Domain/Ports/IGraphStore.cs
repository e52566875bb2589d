using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Domain.Ports;

/// <summary>
/// The read side of a store. Every method is batch-shaped and is one store call (one statement
/// to the database), so a GraphQL request makes a number of calls bounded by its depth.
/// </summary>
public interface IGraphStore
{
    /// <summary>The nodes of type <typeparamref name="T"/> with these keys; unknown keys are left out.</summary>
    Task<IReadOnlyList<T>> GetAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node;

    /// <summary>
    /// The nodes of type <typeparamref name="T"/> with these keys, by the key asked for; a key
    /// merged into another node (<see cref="IGraphStoreAdmin.MergeAsync"/>) gives that survivor.
    /// Unknown keys are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, T>> ResolveAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node =>
        ResolveAsync<T>(keys, RecordParts.All, cancellationToken);

    /// <summary>
    /// As <see cref="ResolveAsync{T}(IReadOnlyCollection{string}, CancellationToken)"/>, reading
    /// only <paramref name="parts"/> of each record (the others are left empty).
    /// </summary>
    Task<IReadOnlyDictionary<string, T>> ResolveAsync<T>(IReadOnlyCollection<string> keys, RecordParts parts, CancellationToken cancellationToken)
        where T : Node;

    /// <summary>One window of all nodes of type <typeparamref name="T"/> that match, with the record parts <see cref="PageRequest.Parts"/> names.</summary>
    Task<Page<T>> ListAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : Node;

    /// <summary>For each parent key, one window of its related records that match, with the record parts <see cref="PageRequest.Parts"/> names.</summary>
    /// <returns>A page per requested parent key (empty for a parent with no related records).</returns>
    Task<IReadOnlyDictionary<string, Page<T>>> ExpandAsync<T>(
        Relation<T> relation,
        IReadOnlyCollection<string> parentKeys,
        Filter? where,
        IReadOnlyList<SortField> order,
        PageRequest page,
        CancellationToken cancellationToken)
        where T : class;
}

/// <summary>The write side of a store: schema set-up and all-or-nothing imports.</summary>
public interface IGraphStoreAdmin
{
    /// <summary>Creates tables, constraints and indexes if missing; safe to run at every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Whether the store holds no articles yet.</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    /// <summary>The keys, among <paramref name="keys"/>, that the store already holds for each node type.</summary>
    Task<IReadOnlySet<Ids.NodeId>> ExistingAsync(IReadOnlyCollection<Ids.NodeId> keys, CancellationToken cancellationToken);

    /// <summary>Merges a validated batch by key in one transaction: all of it or none of it.</summary>
    Task ImportAsync(Import.GraphBatch batch, CancellationToken cancellationToken);

    /// <summary>For each of <paramref name="ids"/> that was merged into another node, the survivor's key.</summary>
    Task<IReadOnlyDictionary<Ids.NodeId, string>> RedirectsAsync(IReadOnlyCollection<Ids.NodeId> ids, CancellationToken cancellationToken);

    /// <summary>Every key merged into another node, by type and key, so that an export carries them.</summary>
    Task<IReadOnlyList<Import.Redirect>> ListRedirectsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Merges <paramref name="duplicate"/> into <paramref name="survivor"/> (same type, not an
    /// article) in one transaction: its name and aliases become the survivor's aliases, every
    /// relationship moves to the survivor (none twice), the duplicate is removed, and its key is
    /// redirected to the survivor from then on.
    /// </summary>
    Task<Editing.MergeOutcome> MergeAsync(Ids.NodeId survivor, Ids.NodeId duplicate, Changes.ChangeEntry? change, CancellationToken cancellationToken);

    /// <summary>Marks a statement retracted with a reason and time, in one transaction; the statement and its evidence stay.</summary>
    Task<Editing.RetractOutcome> RetractAsync(string statementKey, string reason, DateTimeOffset at, Changes.ChangeEntry? change, CancellationToken cancellationToken);
}
