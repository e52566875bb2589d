namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sqlite";

    /// <summary>The database file; created with its folder when missing.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(".data", "knowledge-graph.db");
}
