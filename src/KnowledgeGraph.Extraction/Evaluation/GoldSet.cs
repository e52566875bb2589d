using System.Globalization;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Extraction.Bundles;

namespace KnowledgeGraph.Extraction.Evaluation;

/// <summary>One article of a gold set: its exact text, its hand-made bundle and its publication metadata.</summary>
/// <param name="Name">The case's name in reports.</param>
/// <param name="Text">The article text.</param>
/// <param name="Bundle">The hand-made bundle.</param>
/// <param name="ArticleKey">The article's key in the bundle.</param>
/// <param name="PublishedAt">When it was published (relative dates resolve against it).</param>
/// <param name="Publisher">Who published it.</param>
public sealed record GoldArticle(string Name, string Text, DraftBundle Bundle, string ArticleKey, DateTimeOffset PublishedAt, string Publisher)
{
    /// <summary>What extraction is given: the text and the publication metadata, nothing of the bundle.</summary>
    public ArticleInput Input => new("draft-" + ArticleKey, Text, Publisher, PublishedAt);
}

/// <summary>How an evaluation run is set up.</summary>
public enum GoldMode
{
    /// <summary>Nothing of the article's bundle is shown: every speaker and place must be found and proposed.</summary>
    Hidden,

    /// <summary>The bundle's people, organisations, places and negotiations are shown as the graph's entities.</summary>
    Graph,
}

/// <summary>
/// A gold set (a <c>manifest.json</c> naming each case's text, bundle, article key and publication
/// metadata) and the scoring of an extractor on it. Pure: the files are read through the function given.
/// </summary>
public static class GoldSet
{
    /// <summary>Reads the cases of a manifest; <paramref name="readFile"/> returns a file's text by its path relative to the manifest.</summary>
    /// <exception cref="FormatException">The manifest or a bundle is not what it should be; the message names the case and the field.</exception>
    public static IReadOnlyList<GoldArticle> Parse(string manifestJson, Func<string, string> readFile)
    {
        ArgumentNullException.ThrowIfNull(readFile);
        using var manifest = ParseJson(manifestJson, "manifest.json");
        if (!manifest.RootElement.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("manifest.json: \"cases\" must be an array of cases.");
        }

        var list = new List<GoldArticle>();
        var i = 0;
        foreach (var c in cases.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"manifest.json: cases[{i++}]");
            string Field(string name) => c.ValueKind == JsonValueKind.Object && c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new FormatException($"{at}.{name} is required (a string).");
            var bundlePath = Field("bundle");
            DraftBundle bundle;
            try
            {
                bundle = DraftBundleJson.Read(readFile(bundlePath));
            }
            catch (JsonException e)
            {
                throw new FormatException($"{bundlePath}: not a bundle: {e.Message}", e);
            }

            if (!DateTimeOffset.TryParse(Field("publishedAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var published))
            {
                throw new FormatException($"{at}.publishedAt is not a date-time with an offset.");
            }

            list.Add(new GoldArticle(Field("name"), readFile(Field("text")), bundle, Field("article"), published, Field("publisher")));
        }

        return list;
    }

    /// <summary>Scores <paramref name="extractor"/> on the articles.</summary>
    public static EvaluationReport Evaluate(IStatementExtractor extractor, IReadOnlyList<GoldArticle> articles, Gazetteer gazetteer, GoldMode mode)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(articles);
        var cases = articles.Select(a =>
        {
            var known = mode == GoldMode.Graph ? KnownEntities.FromBundle(a.Bundle) : KnownEntities.Empty;
            var result = extractor.Extract(a.Input, known, gazetteer);
            return new EvaluationCase(a.Name, a.ArticleKey, a.Input.Key, a.Bundle, result.Draft);
        });
        return Evaluator.Evaluate(cases);
    }

    /// <summary>The column headings of <see cref="Cells"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["article", "gold", "proposed", "precision", "recall", "F1", "speaker acc.", "kind acc.", "place P", "place R", "date acc.", "exact spans"];

    /// <summary>One row of figures, formatted as <see cref="Columns"/> head them (three decimals, invariant culture).</summary>
    public static IReadOnlyList<string> Cells(string name, Scores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        return [name, s.GoldStatements.ToString(CultureInfo.InvariantCulture), s.PredictedStatements.ToString(CultureInfo.InvariantCulture),
            F(s.Precision), F(s.Recall), F(s.F1), F(s.SpeakerAccuracy), F(s.KindAccuracy), F(s.PlacePrecision), F(s.PlaceRecall), F(s.DateAccuracy), F(s.ExactSpanShare)];
    }

    /// <summary>The figures of a report as a Markdown table, one row per article and one overall.</summary>
    public static string Table(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.AppendLine("| " + string.Join(" | ", Columns) + " |");
        sb.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", Columns.Count - 1)));
        foreach (var a in report.Articles)
        {
            sb.AppendLine("| " + string.Join(" | ", Cells(a.Name, a.Scores)) + " |");
        }

        sb.AppendLine("| " + string.Join(" | ", Cells("**overall**", report.Overall)) + " |");
        return sb.ToString();
    }

    private static JsonDocument ParseJson(string json, string name)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{name}: not JSON: {e.Message}", e);
        }
    }
}
