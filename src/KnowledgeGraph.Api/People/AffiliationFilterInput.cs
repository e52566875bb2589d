using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.People;

/// <summary>The <c>AffiliationFilterInput</c> input: each field declared once, for the schema and for the translation.</summary>
internal sealed class AffiliationFilterInput : FilterInputType<AffiliationFilterInput>, IDeclaredFilter
{
    public AffiliationFilterInput()
        : base("AffiliationFilterInput", "Conditions on an affiliation; all given fields must hold.")
    {
    }

    public static IReadOnlyList<FilterField> Declared { get; } =
    [
        FilterField.Operations<StringOperationFilterInput>("role", Domain.Query.Fields.Role, "Conditions on the role."),
        FilterField.Operations<BooleanOperationFilterInput>("current", Domain.Query.Fields.Current, "Conditions on whether the role is current."),
        FilterField.One<OrganisationFilterInput>("organisation", FilterRelations.Organisation, "The organisation matches."),
        FilterField.One<PersonFilterInput>("person", FilterRelations.Person, "The person matches."),
    ];
}
