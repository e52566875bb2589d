using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.Organisations;

namespace KnowledgeGraph.Api.People;

/// <summary>The <c>AffiliationFilterInput</c> input.</summary>
internal sealed class AffiliationFilterInput : FilterInputType<AffiliationFilterInput>
{
    public AffiliationFilterInput()
        : base("AffiliationFilterInput", "Conditions on an affiliation; all given fields must hold.")
    {
        Field<StringOperationFilterInput>("role").Description("Conditions on the role.");
        Field<BooleanOperationFilterInput>("current").Description("Conditions on whether the role is current.");
        Field<OrganisationFilterInput>("organisation").Description("The organisation matches.");
        Field<PersonFilterInput>("person").Description("The person matches.");
    }
}
