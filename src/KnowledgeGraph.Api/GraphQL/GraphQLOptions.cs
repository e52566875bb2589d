namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Limits and defaults of the GraphQL endpoint (section <c>GraphQL</c>).</summary>
public sealed class GraphQLOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "GraphQL";

    /// <summary>Items per page when a client gives neither <c>first</c> nor <c>last</c>.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>The most items a client may ask for in one page.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The most ids <c>nodes(ids:)</c> accepts.</summary>
    public int MaxNodeIds { get; set; } = 100;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>How long one operation may run before it is cancelled.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
