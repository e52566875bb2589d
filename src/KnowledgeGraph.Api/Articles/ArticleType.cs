using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
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

/// <summary>Translates <see cref="ArticleFilterInput"/>.</summary>
internal sealed class ArticleFilter : IFilterable
{
    public static string Plural => "articles";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("title", Fields.Title, "By headline."),
        new("publisher", Fields.Publisher, "By publisher."),
        new("publishedAt", Fields.PublishedAt, "By publication time; articles without one sort last."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "id" => FilterReader.Ids(Domain.Ids.NodeType.Article, value, at),
        "title" => FilterReader.Operations(Fields.Title, value, at),
        "url" => FilterReader.Operations(Fields.Url, value, at),
        "publisher" => FilterReader.Operations(Fields.Publisher, value, at),
        "publishedAt" => FilterReader.Operations(Fields.PublishedAt, value, at),
        _ => throw FilterReader.Invalid(at, "is not a field of ArticleFilterInput."),
    });
}
