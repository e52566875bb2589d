namespace KnowledgeGraph.Extraction.Tests;

/// <summary>The gold set the build copies beside the tests (Gold/manifest.json), read with the extraction project's reader.</summary>
public static class GoldSet
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Gold");

    public static IReadOnlyList<GoldArticle> Load(string? directory = null)
    {
        directory ??= Directory;
        return Evaluation.GoldSet.Parse(File.ReadAllText(Path.Combine(directory, "manifest.json")), f => File.ReadAllText(Path.Combine(directory, f)));
    }

    public static EvaluationReport Evaluate(IStatementExtractor extractor, IReadOnlyList<GoldArticle> articles, Gazetteer gazetteer, GoldMode mode) =>
        Evaluation.GoldSet.Evaluate(extractor, articles, gazetteer, mode);

    public static string Table(EvaluationReport report) => Evaluation.GoldSet.Table(report);
}
