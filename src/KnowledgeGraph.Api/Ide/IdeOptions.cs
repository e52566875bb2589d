namespace KnowledgeGraph.Api.Ide;

/// <summary>Banana Cake Pop at <c>/graphql/</c> (section <c>Ide</c>, environment variables <c>KG_IDE__&lt;NAME&gt;</c>).</summary>
public sealed class IdeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ide";

    /// <summary>Whether the IDE is served; turn it off in production.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The title the IDE shows.</summary>
    public string Title { get; set; } = "KnowledgeGraph";

    /// <summary>
    /// The folder holding the IDE's files (its <c>index.html</c>); by default the
    /// <c>BananaCakePop</c> folder the build copies next to the binaries.
    /// </summary>
    public string? Path { get; set; }
}
