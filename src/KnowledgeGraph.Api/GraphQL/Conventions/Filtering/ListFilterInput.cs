using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>Conditions on a list of records, named after its item filter (<c>ListPlaceFilterInput</c>).</summary>
internal sealed class ListFilterInput<TItemFilter> : InputObjectGraphType
    where TItemFilter : IInputObjectGraphType
{
    public ListFilterInput()
    {
        var item = typeof(TItemFilter).Name[..^"FilterInput".Length];
        var noun = item.ToLowerInvariant();
        Name = $"List{item}FilterInput";
        Description = $"Conditions on a list of {noun}s.";
        Field<TItemFilter>("all").Description($"Every {noun} in the list matches (true for an empty list).");
        Field<TItemFilter>("none").Description($"No {noun} in the list matches.");
        Field<TItemFilter>("some").Description($"At least one {noun} in the list matches.");
        Field<BooleanGraphType>("any").Description("The list is not empty (true) or is empty (false).");
    }
}
