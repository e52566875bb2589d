using GraphQL.Types;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Negotiations;

/// <summary>The <c>NegotiationStatus</c> enum.</summary>
internal sealed class NegotiationStatusType : EnumerationGraphType<NegotiationStatus>
{
    public NegotiationStatusType()
    {
        Name = "NegotiationStatus";
        Description = "Where a negotiation stands.";
        Values["PLANNED"]!.Description = "Announced but not begun.";
        Values["ONGOING"]!.Description = "Under way and moving.";
        Values["STALLED"]!.Description = "Under way but making little progress.";
        Values["CONCLUDED"]!.Description = "Ended with an outcome.";
        Values["COLLAPSED"]!.Description = "Ended without an outcome.";
    }
}
