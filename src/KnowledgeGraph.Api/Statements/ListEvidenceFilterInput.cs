using GraphQL.Types;

namespace KnowledgeGraph.Api.Statements;

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
