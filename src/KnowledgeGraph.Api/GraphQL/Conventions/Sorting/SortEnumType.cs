using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Sorting;

/// <summary>The <c>SortEnumType</c> enum.</summary>
internal sealed class SortEnumType : EnumerationGraphType<SortDirection>
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "The direction of a sort. Values that are not known sort last in both directions.";
        Values["ASC"]!.Description = "Ascending: smallest, earliest or A first.";
        Values["DESC"]!.Description = "Descending: largest, latest or Z first.";
    }
}
