namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sqlite";

    /// <summary>How long a call waits by default for a lock held by another connection.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The database file; created with its folder when missing.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(".data", "knowledge-graph.db");

    /// <summary>How long a call waits for a lock held by another connection (whole seconds) before it fails as unavailable.</summary>
    public TimeSpan BusyTimeout { get; set; } = DefaultBusyTimeout;

    /// <summary>The page cache of each read connection by default, in KiB (SQLite's own default is 2,000).</summary>
    public const int DefaultReadCacheKiB = 32 * 1024;

    /// <summary>
    /// The page cache of each read connection, in KiB. Pages read once stay in memory for the next
    /// call on that connection; a cache smaller than what the requests keep touching (the indexes
    /// and rows of a few hundred statements each) makes every call read its pages again from the
    /// file. Connections fill their cache only as they read, and at most a few are kept per core.
    /// </summary>
    public int ReadCacheKiB { get; set; } = DefaultReadCacheKiB;
}
