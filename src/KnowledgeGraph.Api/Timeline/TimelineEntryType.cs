using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Timeline;

/// <summary>The <c>TimelineEntry</c> type.</summary>
internal sealed class TimelineEntryType : ObjectGraphType<TimelineItem>
{
    public TimelineEntryType()
    {
        Name = "TimelineEntry";
        Description = "One event of a timeline: a statement, or a round of talks.";
        Field<DateScalar>("date").Description("When it happened; null when not known.").Resolve(ctx => ctx.Source.Event.Date);
        Field<StatementType>("statement")
            .Description("The statement; null for a round of talks.")
            .Resolve(ctx => ctx.Source.Event.StatementKey is { } key ? ctx.Request().Nodes<Statement>(ctx).Load(key) : null);
        Field<NegotiationRoundType>("round").Description("The round of talks; null for a statement.").Resolve(ctx => ctx.Source.Event.Round);
        Field<NegotiationType>("negotiation")
            .Description("For a round, the negotiation it belongs to; null for a statement (see `statement.negotiation`).")
            .Resolve(ctx => ctx.Source.Event.NegotiationKey is { } key ? ctx.Request().Nodes<Negotiation>(ctx).Load(key) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineEntryType>>>>("responses")
            .Description("The statements of this timeline that answer this one (a denial under the claim, a rejection under the demand), in date order, each with its own answers.")
            .Resolve(ctx => ctx.Source.Responses);
    }
}
