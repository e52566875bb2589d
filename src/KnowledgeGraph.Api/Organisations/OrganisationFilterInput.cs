using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Organisations;

/// <summary>The <c>OrganisationFilterInput</c> input: each field declared once, for the schema and for the translation.</summary>
internal sealed class OrganisationFilterInput : FilterInputType<OrganisationFilterInput>, IDeclaredFilter
{
    public OrganisationFilterInput()
        : base("OrganisationFilterInput", "Conditions on an organisation; all given fields must hold.")
    {
    }

    public static IReadOnlyList<FilterField> Declared { get; } =
    [
        FilterField.Id(NodeType.Organisation, "Conditions on the organisation's id."),
        FilterField.Operations<StringOperationFilterInput>("name", Domain.Query.Fields.Name, "Conditions on the name."),
        FilterField.Operations<EnumOperationFilterInput<OrganisationKindType>>("kind", Domain.Query.Fields.Kind, "Conditions on the kind."),
        FilterField.Operations<StringOperationFilterInput>("description", Domain.Query.Fields.Description, "Conditions on the description."),
        FilterField.One<PlaceFilterInput>("country", FilterRelations.Country, "The organisation's country matches."),
        FilterField.One<OrganisationFilterInput>("partOf", FilterRelations.PartOf, "The organisation this one is part of matches."),
    ];
}
