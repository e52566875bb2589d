using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Extraction.Bundles;
using KnowledgeGraph.Extraction.Evaluation;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>One article of the gold set: its exact text, its hand-made bundle and its publication metadata.</summary>
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

/// <summary>Reads the gold set (Gold/manifest.json) and scores an extractor on it.</summary>
public static class GoldSet
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Gold");

    public static IReadOnlyList<GoldArticle> Load(string? directory = null)
    {
        directory ??= Directory;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "manifest.json")));
        var list = new List<GoldArticle>();
        foreach (var c in manifest.RootElement.GetProperty("cases").EnumerateArray())
        {
            var text = File.ReadAllText(Path.Combine(directory, c.GetProperty("text").GetString()!));
            var bundle = DraftBundleJson.Read(File.ReadAllText(Path.Combine(directory, c.GetProperty("bundle").GetString()!)));
            list.Add(new GoldArticle(
                c.GetProperty("name").GetString()!,
                text,
                bundle,
                c.GetProperty("article").GetString()!,
                DateTimeOffset.Parse(c.GetProperty("publishedAt").GetString()!, CultureInfo.InvariantCulture),
                c.GetProperty("publisher").GetString()!));
        }

        return list;
    }

    public static EvaluationReport Evaluate(IStatementExtractor extractor, IReadOnlyList<GoldArticle> articles, Gazetteer gazetteer, GoldMode mode)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var cases = articles.Select(a =>
        {
            var known = mode == GoldMode.Graph ? KnownEntities.FromBundle(a.Bundle) : KnownEntities.Empty;
            var result = extractor.Extract(a.Input, known, gazetteer);
            return new EvaluationCase(a.Name, a.ArticleKey, a.Input.Key, a.Bundle, result.Draft);
        });
        return Evaluator.Evaluate(cases);
    }

    /// <summary>The figures of a report as a Markdown table, one row per article and one overall.</summary>
    public static string Table(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("| article | gold | proposed | precision | recall | F1 | speaker acc. | kind acc. | place P | place R | date acc. | exact spans |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var a in report.Articles)
        {
            sb.AppendLine(Row(a.Name, a.Scores));
        }

        sb.AppendLine(Row("**overall**", report.Overall));
        return sb.ToString();
    }

    private static string Row(string name, Scores s) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {s.GoldStatements} | {s.PredictedStatements} | {s.Precision:0.000} | {s.Recall:0.000} | {s.F1:0.000} | {s.SpeakerAccuracy:0.000} | {s.KindAccuracy:0.000} | {s.PlacePrecision:0.000} | {s.PlaceRecall:0.000} | {s.DateAccuracy:0.000} | {s.ExactSpanShare:0.000} |");
}
