using GraphQL.Types;
using KnowledgeGraph.Api.Articles;
using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Statements;

/// <summary>The <c>EvidenceFilterInput</c> input: each field declared once, for the schema and for the translation.</summary>
internal sealed class EvidenceFilterInput : InputObjectGraphType, IDeclaredFilter
{
    public EvidenceFilterInput()
    {
        Name = "EvidenceFilterInput";
        Description = "Conditions on an evidence entry.";
        foreach (var field in Declared)
        {
            field.Declare(this, field);
        }
    }

    public static IReadOnlyList<FilterField> Declared { get; } =
    [
        FilterField.Of<ArticleFilterInput>("article", "The article matches.", (value, at) => FilterReader.Declared<ArticleFilterInput>(value, at) ?? new AllOf([])),
    ];
}
