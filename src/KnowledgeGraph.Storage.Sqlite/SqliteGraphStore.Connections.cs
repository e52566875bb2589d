namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>The open connections the read calls reuse (<see cref="ReadConnections"/>).</summary>
public sealed partial class SqliteGraphStore
{
    /// <summary>At most this many idle connections are kept open for the read calls.</summary>
    internal static readonly int ReadConnectionsKept = Math.Max(8, 4 * Environment.ProcessorCount);

    /// <summary>At most this many compiled commands are kept per connection, least recently used first out.</summary>
    internal const int StatementsKeptPerConnection = 64;

    /// <summary>The read connections, for tests of their reuse.</summary>
    internal ReadConnections Reads => _reads;

    /// <summary>
    /// Closes the connections kept open between read calls. Each open connection to a database
    /// in WAL mode holds a shared lock on the file: another process that wants the file to itself
    /// (<c>PRAGMA locking_mode = EXCLUSIVE</c>) waits for them, as for the idle connections of
    /// Microsoft.Data.Sqlite's pool (<c>SqliteConnection.ClearAllPools</c>).
    /// </summary>
    public void ClearIdleConnections() => _reads.ClearIdle();

    /// <summary>Closes the kept connections; the store is not used after.</summary>
    public void Dispose() => _reads.Dispose();
}
