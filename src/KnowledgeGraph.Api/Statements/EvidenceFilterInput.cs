using GraphQL.Types;
using KnowledgeGraph.Api.Articles;

namespace KnowledgeGraph.Api.Statements;

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
