using KnowledgeGraph.Api.Articles;
using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.People;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Statements;

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
