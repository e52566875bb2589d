using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Places;

namespace KnowledgeGraph.Api.Statements;

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
