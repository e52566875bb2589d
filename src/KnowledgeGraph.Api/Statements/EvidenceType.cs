using GraphQL.Types;
using KnowledgeGraph.Api.Articles;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Statements;

/// <summary>The <c>Evidence</c> type.</summary>
internal sealed class EvidenceType : ObjectGraphType<Evidence>
{
    public EvidenceType()
    {
        Name = "Evidence";
        Description = "The exact span of an article that a statement rests on.";
        Field<NonNullGraphType<ArticleType>>("article").Description("The article.").Resolve(ctx => ctx.Request().Nodes<Article>(ctx).Load(ctx.Source.ArticleKey));
        Field<NonNullGraphType<IntGraphType>>("start").Description("Where the span starts: an offset into `Article.text` in UTF-16 code units, inclusive.").Resolve(ctx => ctx.Source.Start);
        Field<NonNullGraphType<IntGraphType>>("end").Description("Where the span ends: an offset into `Article.text` in UTF-16 code units, exclusive.").Resolve(ctx => ctx.Source.End);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The article text from `start` to `end`, exactly.").Resolve(ctx => ctx.Source.Text);
    }
}
