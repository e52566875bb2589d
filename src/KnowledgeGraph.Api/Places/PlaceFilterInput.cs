using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

namespace KnowledgeGraph.Api.Places;

/// <summary>The <c>PlaceFilterInput</c> input.</summary>
internal sealed class PlaceFilterInput : FilterInputType<PlaceFilterInput>
{
    public PlaceFilterInput()
        : base("PlaceFilterInput", "Conditions on a place; all given fields must hold.")
    {
        Field<IdOperationFilterInput>("id").Description("Conditions on the place's id.");
        Field<StringOperationFilterInput>("name").Description("Conditions on the name.");
        Field<EnumOperationFilterInput<PlaceKindType>>("kind").Description("Conditions on the kind.");
        Field<PlaceFilterInput>("containedIn").Description("The place directly containing this one matches.");
    }
}
