using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Api.Extraction;

/// <summary>A proposed statement with the extraction it came from.</summary>
internal sealed record StatementView(ProposedStatement Statement, ArticleDraft Draft);

/// <summary>A proposed speaker with the extraction it came from.</summary>
internal sealed record SpeakerView(ProposedSpeaker Speaker, ArticleDraft Draft);

/// <summary>A place key of a proposal with the extraction it came from.</summary>
internal sealed record PlaceView(string Key, ArticleDraft Draft);

/// <summary>The <c>ProposedStatement</c> type.</summary>
internal sealed class ProposedStatementType : ObjectGraphType<StatementView>
{
    public ProposedStatementType()
    {
        Name = "ProposedStatement";
        Description = "A statement the extractor proposes, with everything that decided it; nothing of it is stored.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Its key in the draft bundle.").Resolve(c => c.Source.Statement.Key);
        Field<NonNullGraphType<StringGraphType>>("text").Description("What was said: the quote's words when direct, the reported clause otherwise.").Resolve(c => c.Source.Statement.Text);
        Field<NonNullGraphType<ProposedEvidenceType>>("evidence").Description("The exact span of the article the statement rests on.").Resolve(c => c.Source.Statement);
        Field<NonNullGraphType<StatementKindType>>("kind").Description("The speech act, from the reporting verb and its context.").Resolve(c => c.Source.Statement.Kind);
        Field<NonNullGraphType<BooleanGraphType>>("direct").Description("A verbatim quote (true) or reported speech (false).").Resolve(c => c.Source.Statement.Direct);
        Field<ProposedSpeakerType>("speaker").Description("Who said it: a record already in the graph, or one the draft proposes; null for an unnamed source or an agreement of parties.")
            .Resolve(c => c.Source.Statement.Speaker is { } s ? new SpeakerView(s, c.Source.Draft) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposedPlaceType>>>>("places").Description("The places it is about, most specific first.")
            .Resolve(c => c.Source.Statement.About.Select(k => new PlaceView(k, c.Source.Draft)).ToArray());
        Field<ProposedPlaceType>("saidAt").Description("Where it was said, when the text says so.")
            .Resolve(c => c.Source.Statement.SaidAt is { } k ? new PlaceView(k, c.Source.Draft) : null);
        Field<DateScalar>("date").Description("When it was said, when the text says so (relative dates resolved against publishedAt); null when unsure.").Resolve(c => c.Source.Statement.Date);
        Field<StringGraphType>("negotiation").Description("The key of the negotiation it belongs to (stored, or proposed in the draft).").Resolve(c => c.Source.Statement.Negotiation);
        Field<StringGraphType>("respondsTo").Description("The key of the proposed statement it answers.").Resolve(c => c.Source.Statement.RespondsTo);
        Field<NonNullGraphType<StringGraphType>>("rule").Description("The rule that found the statement, such as quote.attribution-after or reported.subject-verb.").Resolve(c => c.Source.Statement.Rule);
        Field<NonNullGraphType<FloatGraphType>>("confidence").Description("How sure the rule is, from 0 to 1.").Resolve(c => c.Source.Statement.Confidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Description("Every rule that decided something about it, in order.").Resolve(c => c.Source.Statement.Reasons);
    }
}

/// <summary>The <c>ProposedEvidence</c> type.</summary>
internal sealed class ProposedEvidenceType : ObjectGraphType<ProposedStatement>
{
    public ProposedEvidenceType()
    {
        Name = "ProposedEvidence";
        Description = "The span of the article a proposed statement rests on.";
        Field<NonNullGraphType<IntGraphType>>("start").Description("Inclusive UTF-16 offset into the article text.").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<IntGraphType>>("end").Description("Exclusive UTF-16 offset into the article text.").Resolve(c => c.Source.End);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The article text at [start, end), always.").Resolve(c => c.Source.SpanText);
    }
}

/// <summary>The <c>ProposedSpeaker</c> type.</summary>
internal sealed class ProposedSpeakerType : ObjectGraphType<SpeakerView>
{
    public ProposedSpeakerType()
    {
        Name = "ProposedSpeaker";
        Description = "Who a proposed statement is attributed to: a person or organisation in the graph (node), or a new record the draft proposes.";
        Field<NonNullGraphType<StringGraphType>>("type").Description("Person or Organisation.").Resolve(c => c.Source.Speaker.Type.ToString());
        Field<NonNullGraphType<StringGraphType>>("key").Description("The record's key: in the graph when isNew is false, in the draft when true.").Resolve(c => c.Source.Speaker.Key);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The record's name.").Resolve(c => c.Source.Speaker.Name);
        Field<NonNullGraphType<BooleanGraphType>>("isNew").Description("True when the draft proposes the record, false when the graph holds it.").Resolve(c => c.Source.Speaker.IsNew);
        Field<SpeakerUnion>("node").Description("The record in the graph; null when it is proposed new.").Resolve(c => Node(c.Source));
        Field<StringGraphType>("role").Description("For a proposed person, the role the text gives (\"commander\"), when it gives one.").Resolve(c => Affiliation(c.Source)?.Role);
        Field<StringGraphType>("organisation").Description("For a proposed person, the name of the organisation the text places them in, when it names one.")
            .Resolve(c => Affiliation(c.Source) is { } a ? OrganisationName(a.Organisation, c.Source.Draft) : null);
        Field<NonNullGraphType<StringGraphType>>("rule").Description("The rule that attributed the statement and how the record was found, such as speaker.person;resolve.alias.").Resolve(c => c.Source.Speaker.Rule);
    }

    private static object? Node(SpeakerView view)
    {
        if (view.Speaker.IsNew)
        {
            return null;
        }

        return view.Speaker.Type == SpeakerType.Person
            ? view.Draft.Store.People.GetValueOrDefault(view.Speaker.Key)
            : view.Draft.Store.Organisations.GetValueOrDefault(view.Speaker.Key);
    }

    private static KnowledgeGraph.Extraction.Bundles.DraftAffiliation? Affiliation(SpeakerView view) =>
        view.Speaker is { IsNew: true, Type: SpeakerType.Person }
            ? view.Draft.Result.Draft.People.FirstOrDefault(p => p.Key == view.Speaker.Key)?.Affiliations is { Count: > 0 } list ? list[0] : null
            : null;

    private static string? OrganisationName(string key, ArticleDraft draft) =>
        draft.Result.Draft.Organisations.FirstOrDefault(o => o.Key == key)?.Name ?? draft.Store.Organisations.GetValueOrDefault(key)?.Name;
}

/// <summary>The <c>ProposedPlace</c> type.</summary>
internal sealed class ProposedPlaceType : ObjectGraphType<PlaceView>
{
    public ProposedPlaceType()
    {
        Name = "ProposedPlace";
        Description = "A place of a proposed statement: one in the graph (node), or a new one the draft proposes (from the gazetteer or the text).";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The place's key: in the graph when isNew is false, in the draft when true.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name.").Resolve(c => Proposed(c.Source)?.Name ?? Stored(c.Source)?.Name ?? c.Source.Key);
        Field<PlaceKindType>("kind").Description("What kind of place it is.").Resolve(c => Kind(c.Source));
        Field<NonNullGraphType<BooleanGraphType>>("isNew").Description("True when the draft proposes the place, false when the graph holds it.").Resolve(c => Proposed(c.Source) is not null);
        Field<PlaceType>("node").Description("The place in the graph; null when it is proposed new.").Resolve(c => Proposed(c.Source) is null ? Stored(c.Source) : null);
        Field<StringGraphType>("containedIn").Description("The key of the place it lies in (stored, or proposed in the draft).")
            .Resolve(c => Proposed(c.Source) is { } p ? p.ContainedIn : Stored(c.Source)?.ContainedInKey);
    }

    private static KnowledgeGraph.Extraction.Bundles.DraftPlace? Proposed(PlaceView view) =>
        view.Draft.Result.Draft.Places.FirstOrDefault(p => p.Key == view.Key);

    private static Place? Stored(PlaceView view) => view.Draft.Store.Places.GetValueOrDefault(view.Key);

    private static PlaceKind? Kind(PlaceView view) =>
        Proposed(view) is { } p ? (EnumNames.TryFromWire<PlaceKind>(p.Kind, out var kind) ? kind : null) : Stored(view)?.Kind;
}
