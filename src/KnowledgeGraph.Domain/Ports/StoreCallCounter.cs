namespace KnowledgeGraph.Domain.Ports;

/// <summary>
/// Counts calls of the store port: in total, and within the scope of one request.
/// <see cref="CountingGraphStore"/> increments it once per call, whatever the store, which is
/// how tests prove the absence of N+1 (a GraphQL request makes a number of calls bounded by its
/// depth, not by its rows).
/// </summary>
public sealed class StoreCallCounter
{
    private static readonly AsyncLocal<Scope?> CurrentScope = new();
    private long _total;

    /// <summary>Store calls since the counter was made.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Records one store call.</summary>
    public void Increment()
    {
        Interlocked.Increment(ref _total);
        CurrentScope.Value?.Increment();
    }

    /// <summary>Opens a scope that counts the store calls of the current async flow.</summary>
    public static Scope BeginScope()
    {
        var scope = new Scope(CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>The store calls of one request.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly Scope? _parent;
        private long _count;

        internal Scope(Scope? parent) => _parent = parent;

        /// <summary>Store calls counted so far.</summary>
        public long Count => Interlocked.Read(ref _count);

        internal void Increment()
        {
            Interlocked.Increment(ref _count);
            _parent?.Increment();
        }

        /// <inheritdoc />
        public void Dispose() => CurrentScope.Value = _parent;
    }
}
