namespace KnowledgeGraph.Api.Hosting;

/// <summary>Which store the API runs on (setting <c>Store</c>).</summary>
public enum StoreKind
{
    /// <summary>The embedded SQLite file (the default).</summary>
    Sqlite,

    /// <summary>A Neo4j server, through its HTTP Query API.</summary>
    Neo4j,
}

/// <summary>Loading the shipped articles (section <c>Seed</c>).</summary>
public sealed class SeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Seed";

    /// <summary>Load the bundles into an empty store at start-up.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The folder of bundles; by default the <c>data</c> folder shipped beside the binaries.</summary>
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "data");
}
