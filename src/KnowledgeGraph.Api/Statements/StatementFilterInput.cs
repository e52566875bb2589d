using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Statements;

/// <summary>The <c>StatementFilterInput</c> input: each field declared once, for the schema and for the translation.</summary>
internal sealed class StatementFilterInput : FilterInputType<StatementFilterInput>, IDeclaredFilter
{
    public StatementFilterInput()
        : base("StatementFilterInput", "Conditions on a statement; all given fields must hold.")
    {
    }

    public static IReadOnlyList<FilterField> Declared { get; } =
    [
        FilterField.Id(NodeType.Statement, "Conditions on the statement's id."),
        FilterField.Operations<StringOperationFilterInput>("text", Domain.Query.Fields.Text, "Conditions on the text."),
        FilterField.Operations<EnumOperationFilterInput<StatementKindType>>("kind", Domain.Query.Fields.Kind, "Conditions on the kind."),
        FilterField.Operations<BooleanOperationFilterInput>("direct", Domain.Query.Fields.Direct, "Conditions on whether it is a direct quote."),
        FilterField.Operations<ComparableOperationFilterInput<DateScalar>>("date", Domain.Query.Fields.Date, "Conditions on the date."),
        FilterField.Operations<BooleanOperationFilterInput>("retracted", Domain.Query.Fields.Retracted, "Conditions on whether it was retracted. A `where` that does not name `retracted` (at its top level, or in its `and`/`or`) lists only statements that were not retracted."),
        FilterField.Of<SpeakerFilterInput>("speaker", "The speaker matches (a statement without a known speaker never does).", SpeakerFilterInput.Translate),
        FilterField.One<PlaceFilterInput>("saidAt", FilterRelations.SaidAt, "The place where it was said matches."),
        FilterField.List<PlaceFilterInput>("about", FilterRelations.About, "Conditions on the places it is about (those named directly; see `Place.statementsAbout` for containment)."),
        FilterField.One<NegotiationFilterInput>("negotiation", FilterRelations.Negotiation, "The negotiation matches."),
        FilterField.One<StatementFilterInput>("respondsTo", FilterRelations.RespondsTo, "The statement it answers matches."),
        FilterField.Of<ListEvidenceFilterInput>("evidence", "Conditions on its evidence.", (value, at) => FilterReader.List(FilterRelations.EvidenceArticle, value, at, FilterReader.Declared<EvidenceFilterInput>)),
    ];
}
