using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.Auth;
using KnowledgeGraph.Api.GraphQL.Protection;
using KnowledgeGraph.Api.Writes;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Ports;

namespace KnowledgeGraph.Api.Extraction;

/// <summary>
/// <c>extractArticle</c> (a query: it writes nothing, so it needs no key) and <c>importArticle</c>
/// (a mutation: key required, one all-or-nothing import of the article and its statements).
/// </summary>
internal static partial class ExtractionFields
{
    /// <summary>
    /// The cost of one extraction in the cost analysis: a fifth of the default limit (50,000), so
    /// one operation runs at most five, whatever the aliases; the text of each is bounded by
    /// <see cref="ArticleExtraction.MaxTextLength"/> and the request body.
    /// </summary>
    public const double Cost = 10_000;

    public static void AddExtractArticle(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ExtractArticlePayloadType>>("extractArticle")
            .Description($"Reads an article and proposes its statements (speaker, kind, places, date and exact evidence span, each with the rule that decided it), resolved onto the graph's people, organisations and places; nothing is written and no key is needed. Costs {Cost:N0} in the cost analysis; the text is at most {ArticleExtraction.MaxTextLength:N0} characters.")
            .Argument<NonNullGraphType<ExtractArticleInputType>>("input", "The article.")
            .WithMetadata(QueryLimitsRule.CostMetadata, Cost)
            .ResolveAsync(async context =>
            {
                var request = context.GetArgument<ArticleFieldInput>("input").ToRequest();
                var problems = ArticleExtraction.Check(request, "input");
                if (problems.Count > 0)
                {
                    return new ExtractArticleResult(null, problems.Select(ArticleProblem.From).ToArray());
                }

                var services = context.RequestServices!;
                var draft = await ArticleExtraction.ExtractAsync(request, services.GetRequiredService<IGraphStore>(), services.GetRequiredService<GazetteerSource>().Gazetteer, context.CancellationToken);
                return new ExtractArticleResult(draft, []);
            });
    }

    public static void AddImportArticle(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<ImportBundlePayloadType>>("importArticle")
            .Description($"Extracts an article's statements (as extractArticle proposes them) and imports the article with them in one all-or-nothing import, the same as importBundle with the draft; the payload says what became of each record. Costs {Cost:N0} in the cost analysis.")
            .Argument<NonNullGraphType<ImportArticleInputType>>("input", "The article, and whether to extract its statements.")
            .WithMetadata(QueryLimitsRule.CostMetadata, Cost)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ArticleFieldInput>("input");
                var request = input.ToRequest();
                var problems = ArticleExtraction.Check(request, "input");
                if (problems.Count > 0)
                {
                    return ArticleExtraction.Rejected("importArticle", problems, dryRun: false);
                }

                var services = context.RequestServices!;
                var store = services.GetRequiredService<IGraphStore>();
                var importer = new DocumentImporter(store, services.GetRequiredService<IGraphStoreAdmin>());
                var draft = await ArticleExtraction.ExtractAsync(request, store, services.GetRequiredService<GazetteerSource>().Gazetteer, context.CancellationToken);
                var json = input.Extract ? draft.DraftJson : ArticleExtraction.ArticleOnly(draft);
                var result = await importer.ImportAsync("importArticle", json, _ => null, new ImportOptions(), context.CancellationToken);
                if (result.Accepted)
                {
                    var changed = result.Changes.Count(c => c.Outcome is not RecordOutcome.Unchanged);
                    var key = services.GetRequiredService<IHttpContextAccessor>().HttpContext?.Items[ApiKeys.NameItem] as string ?? "?";
                    var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExtractionFields));
                    LogWrite(logger, key, draft.Article.Key, changed);
                }

                return result;
            });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "importArticle by key {KeyName}: article {Article}, {Changed} record(s) changed.")]
    private static partial void LogWrite(ILogger logger, string keyName, string article, int changed);
}
