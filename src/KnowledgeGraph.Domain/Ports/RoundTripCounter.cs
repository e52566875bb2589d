namespace KnowledgeGraph.Domain.Ports;

/// <summary>
/// Counts database round trips: in total, and within the scope of one request. Each adapter
/// increments it once per statement it sends, which is how tests prove the absence of N+1.
/// </summary>
public sealed class RoundTripCounter
{
    private static readonly AsyncLocal<Scope?> CurrentScope = new();
    private long _total;

    /// <summary>Round trips since the process started.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Round trips in the innermost open scope of the current async flow, if any.</summary>
    public static long? InCurrentScope => CurrentScope.Value?.Count;

    /// <summary>Records one round trip.</summary>
    public void Increment()
    {
        Interlocked.Increment(ref _total);
        CurrentScope.Value?.Increment();
    }

    /// <summary>Opens a scope that counts the round trips of the current async flow.</summary>
    public static Scope BeginScope()
    {
        var scope = new Scope(CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>The round trips of one request.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly Scope? _parent;
        private long _count;

        internal Scope(Scope? parent) => _parent = parent;

        /// <summary>Round trips counted so far.</summary>
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
