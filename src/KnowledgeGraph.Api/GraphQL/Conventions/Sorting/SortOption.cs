namespace KnowledgeGraph.Api.GraphQL.Conventions.Sorting;

/// <summary>A field of a sort input: its GraphQL name, the domain field it sorts by, its description.</summary>
internal sealed record SortOption(string Name, string Field, string Description);
