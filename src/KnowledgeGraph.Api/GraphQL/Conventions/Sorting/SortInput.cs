using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Sorting;

/// <summary>The sort input of a record type (<c>PlaceSortInput</c>), made from its <see cref="IFilterable.Sorts"/>.</summary>
internal sealed class SortInput<TFilter> : InputObjectGraphType
    where TFilter : IFilterable
{
    public SortInput()
    {
        var record = typeof(TFilter).Name[..^"Filter".Length];
        Name = record + "SortInput";
        Description = $"Sort {TFilter.Plural} by one field.";
        foreach (var sort in TFilter.Sorts)
        {
            Field<SortEnumType>(sort.Name).Description(sort.Description);
        }
    }
}
