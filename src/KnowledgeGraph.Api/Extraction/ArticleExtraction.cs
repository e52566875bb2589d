using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Bundles;

namespace KnowledgeGraph.Api.Extraction;

/// <summary>An article to extract, as a client or a file gives it; checked by <see cref="ArticleExtraction.Check"/>.</summary>
/// <param name="Text">The article text, exactly.</param>
/// <param name="Publisher">The outlet that wrote it.</param>
/// <param name="PublishedAt">When it was published; relative dates ("Sunday") resolve against it.</param>
/// <param name="Url">Where it was published.</param>
/// <param name="Title">Its headline.</param>
/// <param name="Name">What the article's key derives from when it has no title (a file name), or null.</param>
internal sealed record ArticleRequest(string? Text, string? Publisher, DateTimeOffset? PublishedAt, string? Url, string? Title, string? Name = null);

/// <summary>An extraction and the store records its resolved proposals name.</summary>
internal sealed record ArticleDraft(ArticleInput Article, ExtractionResult Result, StoreEntities Store, string DraftJson);

/// <summary>
/// Extraction against the configured store, for the <c>extract</c> verb and the GraphQL fields:
/// the store's entities are read in a few paged calls, the article is read by the pure extractor
/// with the import's resolver, and the draft goes through the one write path,
/// <see cref="DocumentImporter"/>, all or nothing.
/// </summary>
internal static class ArticleExtraction
{
    /// <summary>The longest article text accepted, in UTF-16 code units (the request body limit applies as well).</summary>
    public const int MaxTextLength = 100_000;

    /// <summary>Everything wrong with a request, each at its path under <paramref name="at"/>; empty when it can be extracted.</summary>
    public static List<ImportProblem> Check(ArticleRequest request, string at)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<ImportProblem>();
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            problems.Add(new ImportProblem(at + ".text", "Required: the article text, not empty."));
        }
        else if (request.Text.Length > MaxTextLength)
        {
            problems.Add(new ImportProblem(at + ".text", string.Create(CultureInfo.InvariantCulture,
                $"The text is {request.Text.Length} characters long; the most accepted is {MaxTextLength}.")));
        }

        if (string.IsNullOrWhiteSpace(request.Publisher))
        {
            problems.Add(new ImportProblem(at + ".publisher", "Required: the outlet that published the article."));
        }

        if (request.PublishedAt is null)
        {
            problems.Add(new ImportProblem(at + ".publishedAt", "Required: when the article was published, an ISO 8601 date-time with an offset (2025-06-08T12:00:00Z)."));
        }

        return problems;
    }

    /// <summary>
    /// The article's key: the slug of its title, else of its URL, else of the name it came with
    /// (a file name), else <c>article-</c> and the first hex digits of the text's SHA-256 (stable
    /// for the same text).
    /// </summary>
    public static string KeyOf(ArticleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var source in new[] { request.Title, request.Url, request.Name })
        {
            if (!string.IsNullOrWhiteSpace(source) && Names.Slug(source) is { } slug && slug != "x")
            {
                return slug;
            }
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(request.Text ?? string.Empty));
        return "article-" + Convert.ToHexStringLower(hash)[..12];
    }

    /// <summary>Extracts a checked request against the store's entities.</summary>
    public static async Task<ArticleDraft> ExtractAsync(ArticleRequest request, IGraphStore store, Gazetteer gazetteer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entities = await StoreEntities.ReadAsync(store, cancellationToken);
        return Extract(request, entities, gazetteer);
    }

    /// <summary>Extracts a checked request against entities already read.</summary>
    public static ArticleDraft Extract(ArticleRequest request, StoreEntities entities, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(entities);
        var input = new ArticleInput(KeyOf(request), request.Text!, request.Publisher, request.PublishedAt, request.Title, request.Url);
        var result = ArticleExtractor.Extract(input, entities.Known, gazetteer);
        return new ArticleDraft(input, result, entities, DraftBundleJson.Write(result.Draft));
    }

    /// <summary>Imports a draft through the one write path (all or nothing).</summary>
    public static Task<ImportResult> ImportAsync(DocumentImporter importer, string source, ArticleDraft draft, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(draft);
        return importer.ImportAsync(source, draft.DraftJson, _ => null, new ImportOptions(dryRun), cancellationToken);
    }

    /// <summary>A rejected import result for a request that could not be extracted.</summary>
    public static ImportResult Rejected(string source, IReadOnlyList<ImportProblem> problems, bool dryRun) =>
        new(source, false, dryRun, [], [], problems);

    /// <summary>The draft with its statements left out: what <c>importArticle</c> lands when asked not to extract.</summary>
    public static string ArticleOnly(ArticleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var bundle = draft.Result.Draft with { Statements = [], People = [], Organisations = [], Places = [], Negotiations = [] };
        return DraftBundleJson.Write(bundle);
    }
}
