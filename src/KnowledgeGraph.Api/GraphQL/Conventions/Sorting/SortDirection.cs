namespace KnowledgeGraph.Api.GraphQL.Conventions.Sorting;

/// <summary>Sort directions, as HotChocolate names them.</summary>
public enum SortDirection
{
    Asc,
    Desc,
}
