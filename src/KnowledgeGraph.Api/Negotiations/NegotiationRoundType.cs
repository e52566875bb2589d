using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Negotiations;

/// <summary>The <c>NegotiationRound</c> type.</summary>
internal sealed class NegotiationRoundType : ObjectGraphType<NegotiationRound>
{
    public NegotiationRoundType()
    {
        Name = "NegotiationRound";
        Description = "One round of a negotiation.";
        Field<IntGraphType>("number").Description("The round's number, from 1; null when the sources do not number it.").Resolve(ctx => ctx.Source.Number);
        Field<DateScalar>("date").Description("When the round was held; null when not known.").Resolve(ctx => ctx.Source.Date);
        Field<PlaceType>("venue")
            .Description("Where the round was held; null when not known.")
            .Resolve(ctx => ctx.Source.VenueKey is { } key ? ctx.Request().Nodes<Place>(ctx).Load(key) : null);
    }
}
