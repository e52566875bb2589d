using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.Places;

namespace KnowledgeGraph.Api.Negotiations;

/// <summary>The <c>NegotiationFilterInput</c> input.</summary>
internal sealed class NegotiationFilterInput : FilterInputType<NegotiationFilterInput>
{
    public NegotiationFilterInput()
        : base("NegotiationFilterInput", "Conditions on a negotiation; all given fields must hold.")
    {
        Field<IdOperationFilterInput>("id").Description("Conditions on the negotiation's id.");
        Field<StringOperationFilterInput>("name").Description("Conditions on the name.");
        Field<EnumOperationFilterInput<NegotiationStatusType>>("status").Description("Conditions on the status.");
        Field<PlaceFilterInput>("venue").Description("The venue matches.");
        Field<ListFilterInput<OrganisationFilterInput>>("parties").Description("Conditions on the parties.");
    }
}
