using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;

namespace KnowledgeGraph.Api.Articles;

/// <summary>The <c>ArticleFilterInput</c> input.</summary>
internal sealed class ArticleFilterInput : FilterInputType<ArticleFilterInput>
{
    public ArticleFilterInput()
        : base("ArticleFilterInput", "Conditions on an article; all given fields must hold.")
    {
        Field<IdOperationFilterInput>("id").Description("Conditions on the article's id.");
        Field<StringOperationFilterInput>("title").Description("Conditions on the headline.");
        Field<StringOperationFilterInput>("url").Description("Conditions on the URL.");
        Field<StringOperationFilterInput>("publisher").Description("Conditions on the publisher.");
        Field<ComparableOperationFilterInput<DateTimeScalar>>("publishedAt").Description("Conditions on the publication time.");
    }
}
