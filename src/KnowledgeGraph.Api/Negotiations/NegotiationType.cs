using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Negotiations;

/// <summary>The <c>Negotiation</c> type.</summary>
internal sealed class NegotiationType : ObjectGraphType<Negotiation>
{
    public NegotiationType()
    {
        Name = "Negotiation";
        Description = "Talks between parties, held in rounds, with the demands, rejections and agreements made in them.";
        this.AddNodeFields();
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name the talks go by, such as \"Istanbul peace talks\".").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other names the talks go by, such as the name of talks merged into these (mergeNodes).").Resolve(ctx => ctx.Source.Aliases);
        Field<NonNullGraphType<NegotiationStatusType>>("status").Description("Where the talks stand, as of the latest source.").Resolve(ctx => ctx.Source.Status);
        Field<PlaceType>("venue")
            .Description("Where the talks are held; null when not known.")
            .Resolve(ctx => ctx.Source.VenueKey is { } key ? ctx.Request().Nodes<Place>(ctx).Load(key) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationType>>>>("parties")
            .Description("The parties to the talks.")
            .Resolve(ctx => ctx.Request().Nodes<Organisation>(ctx).LoadMany(ctx.Source.PartyKeys));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NegotiationRoundType>>>>("rounds")
            .Description("The rounds of talks the sources mention, earliest first; rounds without a known date last.")
            .Resolve(ctx => ctx.Source.Rounds);
        this.RelationConnection<Negotiation, Statement, StatementType, StatementFilterInput, StatementFilter>(
            "statements", "The statements made in the talks: demands, rejections, agreements.", _ => Relations.NegotiationStatements, n => n.Key);
    }
}
