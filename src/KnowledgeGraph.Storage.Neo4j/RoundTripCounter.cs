namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Counts the HTTP requests the Neo4j store sends to the Query API, retries included: its
/// physical round trips. Calls of the store port are counted apart, for every store, by
/// <see cref="Domain.Ports.StoreCallCounter"/>.
/// </summary>
public sealed class RoundTripCounter
{
    private long _total;

    /// <summary>Requests sent since the counter was made.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Records one request.</summary>
    public void Increment() => Interlocked.Increment(ref _total);
}
