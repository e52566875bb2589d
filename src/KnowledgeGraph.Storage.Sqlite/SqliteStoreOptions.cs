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

    /// <summary>How much of the file each read connection maps into memory by default, in MiB.</summary>
    public const int DefaultMemoryMapMiB = 2048;

    /// <summary>
    /// How much of the file, from its start, each read connection maps into memory, in MiB
    /// (<c>PRAGMA mmap_size</c>); 0 reads every page with a system call instead. A mapped page is
    /// read where the operating system already caches it, without a copy into the connection's
    /// page cache, and the mapping is one for all connections. SQLite maps at most its compiled
    /// limit, 2 GiB less 64 KiB in the bundled build; the rest of a larger file is read as before.
    /// </summary>
    public int MemoryMapMiB { get; set; } = DefaultMemoryMapMiB;
}
