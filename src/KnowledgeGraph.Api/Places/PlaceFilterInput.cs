using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Places;

/// <summary>The <c>PlaceFilterInput</c> input: each field declared once, for the schema and for the translation.</summary>
internal sealed class PlaceFilterInput : FilterInputType<PlaceFilterInput>, IDeclaredFilter
{
    public PlaceFilterInput()
        : base("PlaceFilterInput", "Conditions on a place; all given fields must hold.")
    {
    }

    public static IReadOnlyList<FilterField> Declared { get; } =
    [
        FilterField.Id(NodeType.Place, "Conditions on the place's id."),
        FilterField.Operations<StringOperationFilterInput>("name", Domain.Query.Fields.Name, "Conditions on the name."),
        FilterField.Operations<EnumOperationFilterInput<PlaceKindType>>("kind", Domain.Query.Fields.Kind, "Conditions on the kind."),
        FilterField.One<PlaceFilterInput>("containedIn", FilterRelations.ContainedIn, "The place directly containing this one matches."),
    ];
}
