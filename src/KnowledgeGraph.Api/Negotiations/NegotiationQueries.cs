using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Negotiations;

/// <summary>The root fields of the Negotiation feature.</summary>
internal static class NegotiationQueries
{
    public static void AddNegotiationQueries(this ObjectGraphType query) =>
        query.RootConnection<Negotiation, NegotiationType, NegotiationFilterInput, NegotiationFilter>("negotiations", "All negotiations.");
}
