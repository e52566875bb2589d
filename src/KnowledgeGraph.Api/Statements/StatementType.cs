using GraphQL.Types;
using KnowledgeGraph.Api.Articles;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.People;
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
                { Type: Domain.Model.SpeakerType.Person } s => ctx.Request().Nodes<Person>().Load(s.Key),
                { Type: Domain.Model.SpeakerType.Organisation } s => (object)ctx.Request().Nodes<Organisation>().Load(s.Key),
                _ => null,
            });
        Field<PlaceType>("saidAt")
            .Description("Where the statement was made; null when not known.")
            .Resolve(ctx => ctx.Source.SaidAtKey is { } key ? ctx.Request().Nodes<Place>().Load(key) : null);
        Field<DateScalar>("date").Description("When the statement was made; null when the sources do not say.").Resolve(ctx => ctx.Source.Date);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceType>>>>("about")
            .Description("The places the statement is about, most specific first. `Place.statementsAbout` also counts the places that contain these.")
            .Resolve(ctx => ctx.Request().Nodes<Place>().LoadMany(ctx.Source.AboutKeys));
        Field<NegotiationType>("negotiation")
            .Description("The negotiation the statement was made in or about; null when none.")
            .Resolve(ctx => ctx.Source.NegotiationKey is { } key ? ctx.Request().Nodes<Negotiation>().Load(key) : null);
        Field<StatementType>("respondsTo")
            .Description("The statement this one answers, such as the demand a rejection rejects; null when none.")
            .Resolve(ctx => ctx.Source.RespondsToKey is { } key ? ctx.Request().Nodes<Statement>().Load(key) : null);
        this.RelationConnection<Statement, Statement, StatementType, StatementFilterInput, StatementFilter>(
            "responses", "The statements that answer this one.", _ => Relations.StatementResponses, s => s.Key);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceType>>>>("evidence")
            .Description("Where the statement is written down: one entry per article that reports it, with the exact span of text.")
            .Resolve(ctx => ctx.Source.Evidence);
    }
}

/// <summary>The <c>Evidence</c> type.</summary>
internal sealed class EvidenceType : ObjectGraphType<Evidence>
{
    public EvidenceType()
    {
        Name = "Evidence";
        Description = "The exact span of an article that a statement rests on.";
        Field<NonNullGraphType<ArticleType>>("article").Description("The article.").Resolve(ctx => ctx.Request().Nodes<Article>().Load(ctx.Source.ArticleKey));
        Field<NonNullGraphType<IntGraphType>>("start").Description("Where the span starts: an offset into `Article.text` in UTF-16 code units, inclusive.").Resolve(ctx => ctx.Source.Start);
        Field<NonNullGraphType<IntGraphType>>("end").Description("Where the span ends: an offset into `Article.text` in UTF-16 code units, exclusive.").Resolve(ctx => ctx.Source.End);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The article text from `start` to `end`, exactly.").Resolve(ctx => ctx.Source.Text);
    }
}

/// <summary>The <c>Speaker</c> union.</summary>
internal sealed class SpeakerUnion : UnionGraphType
{
    public SpeakerUnion()
    {
        Name = "Speaker";
        Description = "Who made a statement: a person or an organisation.";
        Type<PersonType>();
        Type<OrganisationType>();
    }
}

/// <summary>The <c>StatementKind</c> enum.</summary>
internal sealed class StatementKindType : EnumerationGraphType<StatementKind>
{
    public StatementKindType()
    {
        Name = "StatementKind";
        Description = "The speech act a statement performs.";
        Values["CLAIM"]!.Description = "Asserts something as fact.";
        Values["DENIAL"]!.Description = "Says a claim is false.";
        Values["DEMAND"]!.Description = "Requires something of another party.";
        Values["REJECTION"]!.Description = "Refuses a demand, a call or a claim.";
        Values["ASSESSMENT"]!.Description = "Judges or evaluates a situation.";
        Values["ANNOUNCEMENT"]!.Description = "Makes something known.";
        Values["REPORT"]!.Description = "Relays what happened.";
        Values["WARNING"]!.Description = "Cautions about a consequence.";
        Values["THREAT"]!.Description = "States an intention to harm.";
        Values["CONFIRMATION"]!.Description = "Affirms that something is so.";
        Values["ACCUSATION"]!.Description = "Charges another party with wrongdoing.";
        Values["ACKNOWLEDGEMENT"]!.Description = "Admits or recognises something.";
        Values["AGREEMENT"]!.Description = "An agreement reached by parties.";
        Values["APPEAL"]!.Description = "A call for something to happen.";
    }
}

/// <summary>The <c>StatementFilterInput</c> input.</summary>
internal sealed class StatementFilterInput : FilterInputType<StatementFilterInput>
{
    public StatementFilterInput()
        : base("StatementFilterInput", "Conditions on a statement; all given fields must hold.")
    {
        Field<IdOperationFilterInput>("id").Description("Conditions on the statement's id.");
        Field<StringOperationFilterInput>("text").Description("Conditions on the text.");
        Field<EnumOperationFilterInput<StatementKindType>>("kind").Description("Conditions on the kind.");
        Field<BooleanOperationFilterInput>("direct").Description("Conditions on whether it is a direct quote.");
        Field<ComparableOperationFilterInput<DateScalar>>("date").Description("Conditions on the date.");
        Field<SpeakerFilterInput>("speaker").Description("The speaker matches (a statement without a known speaker never does).");
        Field<PlaceFilterInput>("saidAt").Description("The place where it was said matches.");
        Field<ListFilterInput<PlaceFilterInput>>("about").Description("Conditions on the places it is about (those named directly; see `Place.statementsAbout` for containment).");
        Field<NegotiationFilterInput>("negotiation").Description("The negotiation matches.");
        Field<StatementFilterInput>("respondsTo").Description("The statement it answers matches.");
        Field<ListEvidenceFilterInput>("evidence").Description("Conditions on its evidence.");
    }
}

/// <summary>The <c>SpeakerFilterInput</c> input.</summary>
internal sealed class SpeakerFilterInput : FilterInputType<SpeakerFilterInput>
{
    public SpeakerFilterInput()
        : base("SpeakerFilterInput", "Conditions on a speaker, a person or an organisation; all given fields must hold.")
    {
        Field<StringOperationFilterInput>("name").Description("Conditions on the speaker's name, whether a person or an organisation.");
        Field<PersonFilterInput>("person").Description("The speaker is a person who matches.");
        Field<OrganisationFilterInput>("organisation").Description("The speaker is an organisation that matches.");
    }
}

/// <summary>The <c>EvidenceFilterInput</c> input.</summary>
internal sealed class EvidenceFilterInput : InputObjectGraphType
{
    public EvidenceFilterInput()
    {
        Name = "EvidenceFilterInput";
        Description = "Conditions on an evidence entry.";
        Field<ArticleFilterInput>("article").Description("The article matches.");
    }
}

/// <summary>The <c>ListEvidenceFilterInput</c> input.</summary>
internal sealed class ListEvidenceFilterInput : InputObjectGraphType
{
    public ListEvidenceFilterInput()
    {
        Name = "ListEvidenceFilterInput";
        Description = "Conditions on a statement's evidence.";
        Field<EvidenceFilterInput>("all").Description("Every evidence entry matches.");
        Field<EvidenceFilterInput>("none").Description("No evidence entry matches.");
        Field<EvidenceFilterInput>("some").Description("At least one evidence entry matches.");
    }
}

/// <summary>Translates <see cref="StatementFilterInput"/>.</summary>
internal sealed class StatementFilter : IFilterable
{
    public static string Plural => "statements";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("date", Fields.Date, "By date; statements without a known date sort last."),
        new("text", Fields.Text, "By text."),
        new("kind", Fields.Kind, "By kind."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "id" => FilterReader.Ids(Domain.Ids.NodeType.Statement, value, at),
        "text" => FilterReader.Operations(Fields.Text, value, at),
        "kind" => FilterReader.Operations(Fields.Kind, value, at),
        "direct" => FilterReader.Operations(Fields.Direct, value, at),
        "date" => FilterReader.Operations(Fields.Date, value, at),
        "speaker" => Speaker(value, at),
        "saidAt" => FilterReader.One(FilterRelations.SaidAt, PlaceFilter.Translate(value, at)),
        "about" => PlaceFilter.TranslateList(FilterRelations.About, value, at),
        "negotiation" => FilterReader.One(FilterRelations.Negotiation, NegotiationFilter.Translate(value, at)),
        "respondsTo" => FilterReader.One(FilterRelations.RespondsTo, Translate(value, at)),
        "evidence" => FilterReader.List(FilterRelations.EvidenceArticle, value, at, (evidence, p) =>
            FilterReader.Object(evidence, p, (field, v, a) => field == "article"
                ? ArticleFilter.Translate(v, a) ?? new AllOf([])
                : throw FilterReader.Invalid(a, "is not a field of EvidenceFilterInput."))),
        _ => throw FilterReader.Invalid(at, "is not a field of StatementFilterInput."),
    });

    // A speaker is a person or an organisation: a condition holds when it holds for whichever it is.
    private static Filter? Speaker(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "name" => FilterReader.Operations(Fields.Name, value, at) is { } byName
            ? new AnyOf([FilterReader.One(FilterRelations.SpeakerPerson, byName)!, FilterReader.One(FilterRelations.SpeakerOrganisation, byName)!])
            : new AnyOf([FilterReader.One(FilterRelations.SpeakerPerson, null)!, FilterReader.One(FilterRelations.SpeakerOrganisation, null)!]),
        "person" => FilterReader.One(FilterRelations.SpeakerPerson, PersonFilter.Translate(value, at)),
        "organisation" => FilterReader.One(FilterRelations.SpeakerOrganisation, OrganisationFilter.Translate(value, at)),
        _ => throw FilterReader.Invalid(at, "is not a field of SpeakerFilterInput."),
    }) ?? new AnyOf([FilterReader.One(FilterRelations.SpeakerPerson, null)!, FilterReader.One(FilterRelations.SpeakerOrganisation, null)!]);
}
