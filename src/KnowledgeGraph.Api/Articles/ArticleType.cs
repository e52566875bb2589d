using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Articles;

/// <summary>The <c>Article</c> type.</summary>
internal sealed class ArticleType : ObjectGraphType<Article>
{
    public ArticleType()
    {
        Name = "Article";
        Description = "A news article: the source every statement is traced back to, with its full text.";
        this.AddNodeFields();
        Field<StringGraphType>("title").Description("The headline; null when the source did not carry it.").Resolve(ctx => ctx.Source.Title);
        Field<StringGraphType>("url").Description("Where the article was published; null when not known.").Resolve(ctx => ctx.Source.Url);
        Field<StringGraphType>("publisher").Description("The outlet that wrote the article.").Resolve(ctx => ctx.Source.Publisher);
        Field<StringGraphType>("syndicator").Description("The outlet that carried the article, when it was syndicated.").Resolve(ctx => ctx.Source.Syndicator);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("agencies")
            .Description("The wire agencies credited (\"With AFP inputs\").").Resolve(ctx => ctx.Source.Agencies);
        Field<DateTimeScalar>("publishedAt").Description("When the article was published; null when not known.").Resolve(ctx => ctx.Source.PublishedAt);
        Field<StringGraphType>("language").Description("The language of the text, as a BCP 47 tag.").Resolve(ctx => ctx.Source.Language);
        Field<NonNullGraphType<StringGraphType>>("text")
            .Description("The full text, exactly as it came. `Evidence.start` and `Evidence.end` are offsets into it in UTF-16 code units.")
            .Resolve(ctx => ctx.Source.Text);
        this.RelationConnection<Article, Statement, StatementType, StatementFilterInput, StatementFilter>(
            "statements", "The statements this article gives evidence for.", _ => Relations.ArticleStatements, a => a.Key);
    }
}
