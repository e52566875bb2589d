using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Domain.Changes;

/// <summary>The read side of the change log; entries are written by each store with the write they record.</summary>
public interface IChangeLog
{
    /// <summary>One window of the entries that match, newest first (then by id, descending). One store call.</summary>
    Task<Page<ChangeEntry>> ListChangesAsync(ChangeQuery query, PageRequest page, CancellationToken cancellationToken);
}

/// <summary>The change log with every call counted in the request's <see cref="Ports.StoreCallCounter"/>.</summary>
public sealed class CountingChangeLog(IChangeLog log, Ports.StoreCallCounter counter) : IChangeLog
{
    /// <inheritdoc />
    public Task<Page<ChangeEntry>> ListChangesAsync(ChangeQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counter);
        counter.Increment();
        return log.ListChangesAsync(query, page, cancellationToken);
    }
}
