namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>A filter input whose fields are declared once, as <see cref="FilterField"/>s.</summary>
internal interface IDeclaredFilter
{
    /// <summary>The fields, in schema order (after <c>and</c> and <c>or</c>).</summary>
    static abstract IReadOnlyList<FilterField> Declared { get; }
}
