using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.Places;

namespace KnowledgeGraph.Api.Organisations;

/// <summary>The <c>OrganisationFilterInput</c> input.</summary>
internal sealed class OrganisationFilterInput : FilterInputType<OrganisationFilterInput>
{
    public OrganisationFilterInput()
        : base("OrganisationFilterInput", "Conditions on an organisation; all given fields must hold.")
    {
        Field<IdOperationFilterInput>("id").Description("Conditions on the organisation's id.");
        Field<StringOperationFilterInput>("name").Description("Conditions on the name.");
        Field<EnumOperationFilterInput<OrganisationKindType>>("kind").Description("Conditions on the kind.");
        Field<StringOperationFilterInput>("description").Description("Conditions on the description.");
        Field<PlaceFilterInput>("country").Description("The organisation's country matches.");
        Field<OrganisationFilterInput>("partOf").Description("The organisation this one is part of matches.");
    }
}
