using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Statements;

/// <summary>The <c>Statement</c> type.</summary>
internal sealed class StatementType : ObjectGraphType<Statement>
{
    public StatementType()
    {
        Name = "Statement";
        Description = "Something said: a claim, a demand, a denial. The same statement carried by several articles is one statement with one evidence entry per article.";
        this.AddNodeFields();
        Field<NonNullGraphType<StringGraphType>>("text")
            .Description("What was said: the words themselves for a direct quote, a faithful rendering for reported speech.")
            .Resolve(ctx => ctx.Source.Text);
        Field<NonNullGraphType<StatementKindType>>("kind").Description("The speech act the statement performs.").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<BooleanGraphType>>("direct").Description("True for a verbatim quote, false for reported speech.").Resolve(ctx => ctx.Source.Direct);
        Field<SpeakerUnion>("speaker")
            .Description("Who made the statement; null when the sources do not name them (\"officials said\").")
            .Resolve(ctx => ctx.Source.Speaker switch
            {
                { Type: Domain.Model.SpeakerType.Person } s => ctx.Request().Nodes<Person>(ctx).Load(s.Key),
                { Type: Domain.Model.SpeakerType.Organisation } s => (object)ctx.Request().Nodes<Organisation>(ctx).Load(s.Key),
                _ => null,
            });
        Field<PlaceType>("saidAt")
            .Description("Where the statement was made; null when not known.")
            .Resolve(ctx => ctx.Source.SaidAtKey is { } key ? ctx.Request().Nodes<Place>(ctx).Load(key) : null);
        Field<DateScalar>("date").Description("When the statement was made; null when the sources do not say.").Resolve(ctx => ctx.Source.Date);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceType>>>>("about")
            .Description("The places the statement is about, most specific first. `Place.statementsAbout` also counts the places that contain these.")
            .Resolve(ctx => ctx.Request().Nodes<Place>(ctx).LoadMany(ctx.Source.AboutKeys));
        Field<NegotiationType>("negotiation")
            .Description("The negotiation the statement was made in or about; null when none.")
            .Resolve(ctx => ctx.Source.NegotiationKey is { } key ? ctx.Request().Nodes<Negotiation>(ctx).Load(key) : null);
        Field<StatementType>("respondsTo")
            .Description("The statement this one answers, such as the demand a rejection rejects; null when none.")
            .Resolve(ctx => ctx.Source.RespondsToKey is { } key ? ctx.Request().Nodes<Statement>(ctx).Load(key) : null);
        this.RelationConnection<Statement, Statement, StatementType, StatementFilterInput, StatementFilter>(
            "responses", "The statements that answer this one.", _ => Relations.StatementResponses, s => s.Key);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("evidence")
            .Description("Where the statement is written down: one entry per article that reports it, with the exact span of text.")
            .Resolve(ctx => ctx.Source.Evidence);
        Field<NonNullGraphType<BooleanGraphType>>("retracted")
            .Description("Whether the statement was retracted (retractStatement). A retracted statement keeps its evidence and still resolves through `node`, but lists, counts and statistics leave it out unless their `where` names `retracted`.")
            .Resolve(ctx => ctx.Source.Retraction is not null);
        Field<StringGraphType>("retractionReason").Description("Why the statement was retracted; null when it was not.").Resolve(ctx => ctx.Source.Retraction?.Reason);
        Field<DateTimeScalar>("retractedAt").Description("When the statement was retracted; null when it was not.").Resolve(ctx => ctx.Source.Retraction?.At);
    }
}
