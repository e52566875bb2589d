using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Negotiations;

/// <summary>The <c>NegotiationFilterInput</c> input: each field declared once, for the schema and for the translation.</summary>
internal sealed class NegotiationFilterInput : FilterInputType<NegotiationFilterInput>, IDeclaredFilter
{
    public NegotiationFilterInput()
        : base("NegotiationFilterInput", "Conditions on a negotiation; all given fields must hold.")
    {
    }

    public static IReadOnlyList<FilterField> Declared { get; } =
    [
        FilterField.Id(NodeType.Negotiation, "Conditions on the negotiation's id."),
        FilterField.Operations<StringOperationFilterInput>("name", Domain.Query.Fields.Name, "Conditions on the name."),
        FilterField.Operations<EnumOperationFilterInput<NegotiationStatusType>>("status", Domain.Query.Fields.Status, "Conditions on the status."),
        FilterField.One<PlaceFilterInput>("venue", FilterRelations.Venue, "The venue matches."),
        FilterField.List<OrganisationFilterInput>("parties", FilterRelations.Parties, "Conditions on the parties."),
    ];
}
