using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Articles;

/// <summary>The root fields of the Article feature.</summary>
internal static class ArticleQueries
{
    public static void AddArticleQueries(this ObjectGraphType query) =>
        query.RootConnection<Article, ArticleType, ArticleFilterInput, ArticleFilter>("articles", "All articles.");
}
