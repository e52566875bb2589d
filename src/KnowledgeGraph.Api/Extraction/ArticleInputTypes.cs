using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;

namespace KnowledgeGraph.Api.Extraction;

/// <summary>The input of <c>extractArticle</c> and <c>importArticle</c>.</summary>
internal sealed class ArticleFieldInput
{
    public string Text { get; set; } = string.Empty;

    public string Publisher { get; set; } = string.Empty;

    public DateTimeOffset PublishedAt { get; set; }

    public string? Url { get; set; }

    public string? Title { get; set; }

    public bool Extract { get; set; } = true;

    public ArticleRequest ToRequest() => new(Text, Publisher, PublishedAt, Url, Title);
}

/// <summary>The fields both article inputs share.</summary>
internal static class ArticleInputFields
{
    public static void Add(InputObjectGraphType<ArticleFieldInput> type)
    {
        type.Field(x => x.Text).Description(
            $"The article text, exactly; every evidence span is a UTF-16 range of it. At most {ArticleExtraction.MaxTextLength:N0} characters (and the request body is bounded as well).");
        type.Field(x => x.Publisher).Description("The outlet that published the article.");
        type.Field<NonNullGraphType<DateTimeScalar>>("publishedAt").Description("When it was published, with an offset; relative dates in the text (\"Sunday\", \"last week\") resolve against it.");
        type.Field(x => x.Url, nullable: true).Description("Where it was published.");
        type.Field(x => x.Title, nullable: true).Description("Its headline. The article's key is the slug of the title, else of the URL, else article- and the start of the text's SHA-256.");
    }
}

/// <summary>The <c>ExtractArticleInput</c> input type.</summary>
internal sealed class ExtractArticleInputType : InputObjectGraphType<ArticleFieldInput>
{
    public ExtractArticleInputType()
    {
        Name = "ExtractArticleInput";
        Description = "An article to read: its text and what is known of its publication.";
        ArticleInputFields.Add(this);
    }
}

/// <summary>The <c>ImportArticleInput</c> input type.</summary>
internal sealed class ImportArticleInputType : InputObjectGraphType<ArticleFieldInput>
{
    public ImportArticleInputType()
    {
        Name = "ImportArticleInput";
        Description = "An article to import, with the statements extracted from it.";
        ArticleInputFields.Add(this);
        Field(x => x.Extract, nullable: true).DefaultValue(true)
            .Description("Extract the article's statements and import them with it (default); false imports the article alone.");
    }
}
