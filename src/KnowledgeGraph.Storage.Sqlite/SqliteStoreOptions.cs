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
}
