using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Api.Articles;

/// <summary>The <c>ArticleFilterInput</c> input: each field declared once, for the schema and for the translation.</summary>
internal sealed class ArticleFilterInput : FilterInputType<ArticleFilterInput>, IDeclaredFilter
{
    public ArticleFilterInput()
        : base("ArticleFilterInput", "Conditions on an article; all given fields must hold.")
    {
    }

    public static IReadOnlyList<FilterField> Declared { get; } =
    [
        FilterField.Id(NodeType.Article, "Conditions on the article's id."),
        FilterField.Operations<StringOperationFilterInput>("title", Domain.Query.Fields.Title, "Conditions on the headline."),
        FilterField.Operations<StringOperationFilterInput>("url", Domain.Query.Fields.Url, "Conditions on the URL."),
        FilterField.Operations<StringOperationFilterInput>("publisher", Domain.Query.Fields.Publisher, "Conditions on the publisher."),
        FilterField.Operations<ComparableOperationFilterInput<DateTimeScalar>>("publishedAt", Domain.Query.Fields.PublishedAt, "Conditions on the publication time."),
    ];
}
