using System.Text.Json.Nodes;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.Writes;
using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Api.Articles;

/// <summary><c>createArticle</c>, with its text, through the one import path.</summary>
internal static class ArticleMutations
{
    private static readonly string[] PlainFields = ["title", "url", "publisher", "syndicator", "language"];

    public static void AddArticleMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<CreateArticlePayloadType>>("createArticle")
            .Description("Creates an article with its full text, which evidence spans then point into; the text of a stored article never changes. The key is derived from the title (or the URL) unless given; a key already stored is an error.")
            .Argument<NonNullGraphType<CreateArticleInputType>>("input", "The article.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "createArticle");
                await m.CheckNewKeyAsync(NodeType.Article, m.Get("title") as string ?? m.Get("url") as string, "importBundle");
                var record = new JsonObject();
                m.Copy(record, "key");
                record["text"] = m.Get("text") as string;
                foreach (var name in PlainFields)
                {
                    m.Copy(record, name);
                }

                m.Copy(record, "agencies", RecordMutation.Strings);
                m.Copy(record, "publishedAt", RecordMutation.Wire);
                return await m.ImportAsync(new JsonObject { ["articles"] = new JsonArray(record) }, "articles");
            });
}

/// <summary>The <c>CreateArticleInput</c> input type.</summary>
internal sealed class CreateArticleInputType : InputObjectGraphType
{
    public CreateArticleInputType()
    {
        Name = "CreateArticleInput";
        Description = "A new article with its text.";
        Field<StringGraphType>("key").Description("The key (a slug); derived from the title, else the URL, when left out.");
        Field<NonNullGraphType<StringGraphType>>("text").Description("The full text, exactly as published: evidence offsets are UTF-16 offsets into it.");
        Field<StringGraphType>("title").Description("The headline.");
        Field<StringGraphType>("url").Description("Where it was published.");
        Field<StringGraphType>("publisher").Description("The outlet that published it.");
        Field<StringGraphType>("syndicator").Description("The service it was syndicated through.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("agencies").Description("The news agencies it credits.");
        Field<DateTimeScalar>("publishedAt").Description("When it was published, with its offset.");
        Field<StringGraphType>("language").Description("Its language, as a BCP 47 tag such as en.");
    }
}

/// <summary>The <c>CreateArticlePayload</c> type.</summary>
internal sealed class CreateArticlePayloadType() : MutationPayloadType<ArticleType, CreateArticleErrorType>("createArticle", "article", "article");

/// <summary>The <c>CreateArticleError</c> union.</summary>
internal sealed class CreateArticleErrorType() : MutationErrorType("createArticle");
