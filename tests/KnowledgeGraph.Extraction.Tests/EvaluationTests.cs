using System.Globalization;
using System.Text.Json;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// The figures on the gold set: the seed article reaches its targets with its bundle hidden, and no
/// figure falls below the ones recorded in Gold/ratchet.json (and Gold/RESULTS.md).
/// </summary>
public sealed class EvaluationTests
{
    private static readonly IReadOnlyList<GoldArticle> Gold = GoldSet.Load();

    [Fact]
    public void The_seed_article_read_with_its_bundle_hidden_meets_the_targets()
    {
        var seed = Gold.Single(g => g.Name.StartsWith("seed", StringComparison.Ordinal));
        var report = GoldSet.Evaluate(new RuleBasedExtractor(), [seed], GeoNamesFixture.Gazetteer, GoldMode.Hidden);
        var s = report.Overall;
        Assert.Equal(21, s.GoldStatements);
        Assert.True(s.Precision >= 0.9, $"precision {s.Precision}");
        Assert.True(s.Recall >= 0.9, $"recall {s.Recall}");
        Assert.True(s.SpeakerAccuracy >= 0.9, $"speaker accuracy {s.SpeakerAccuracy}");
        Assert.Equal(s.Matched, s.ExactSpans);
    }

    [Theory]
    [InlineData(GoldMode.Hidden)]
    [InlineData(GoldMode.Graph)]
    public void No_figure_falls_below_the_recorded_ones(GoldMode mode)
    {
        var report = GoldSet.Evaluate(new RuleBasedExtractor(), Gold, GeoNamesFixture.Gazetteer, mode);
        using var recorded = JsonDocument.Parse(File.ReadAllText(Path.Combine(GoldSet.Directory, "ratchet.json")));
        var figures = recorded.RootElement.GetProperty(mode.ToString().ToLowerInvariant());
        var failures = new List<string>();
        foreach (var row in figures.EnumerateObject())
        {
            var scores = row.Name == "overall" ? report.Overall : report.Articles.Single(a => a.Name == row.Name).Scores;
            foreach (var figure in row.Value.EnumerateObject())
            {
                var now = Figure(scores, figure.Name);
                if (now < figure.Value.GetDouble() - 1e-9)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{row.Name} {figure.Name}: {now:0.000} < recorded {figure.Value.GetDouble():0.000}"));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures) + Environment.NewLine + GoldSet.Table(report));
        Assert.Equal(report.Articles.Count + 1, figures.EnumerateObject().Count());
    }

    [Fact]
    public void The_evaluator_pairs_by_span_overlap_and_speaker_and_counts_what_differs()
    {
        var gold = GoldBundle(("a", 0, 10, "p:x", "CLAIM", "2025-01-01"), ("b", 20, 30, "p:y", "DENIAL", null), ("c", 40, 50, null, "REPORT", null));
        var predicted = GoldBundle(("a2", 2, 10, "p:x", "ASSESSMENT", "2025-01-01"), ("b2", 20, 30, "p:z", "DENIAL", null), ("d", 60, 70, "p:x", "CLAIM", null));
        var report = Evaluator.Evaluate([new EvaluationCase("t", "art", "art", gold, predicted)]);
        var s = report.Overall;
        Assert.Equal((3, 3, 1, 2, 1, 0, 1, 0), (s.GoldStatements, s.PredictedStatements, s.Matched, s.SpanPairs, s.SameSpeakerPairs, s.SameKind, s.SameDate, s.ExactSpans));
        Assert.Equal(1.0 / 3, s.Precision, 6);
        Assert.Equal(0.5, s.SpeakerAccuracy, 6);
        Assert.Contains(report.Articles[0].Lines, l => l.Gold == "c" && l.Note == "missed");
    }

    private static Bundles.DraftBundle GoldBundle(params (string Key, int Start, int End, string? Speaker, string Kind, string? Date)[] statements) => new()
    {
        People = [new() { Key = "x", Name = "Xavier Example" }, new() { Key = "y", Name = "Yara Example" }, new() { Key = "z", Name = "Zed Other" }],
        Statements = [.. statements.Select(s => new Bundles.DraftStatement
        {
            Key = s.Key, Text = "t", Kind = s.Kind, Date = s.Date,
            Speaker = s.Speaker is null ? null : new Bundles.DraftSpeaker { Person = s.Speaker[2..] },
            Evidence = [new Bundles.DraftEvidence { Article = "art", Start = s.Start, End = s.End, Text = "t" }],
        })],
    };

    internal static double Figure(Scores s, string name) => name switch
    {
        "precision" => s.Precision,
        "recall" => s.Recall,
        "f1" => s.F1,
        "speakerAccuracy" => s.SpeakerAccuracy,
        "kindAccuracy" => s.KindAccuracy,
        "placePrecision" => s.PlacePrecision,
        "placeRecall" => s.PlaceRecall,
        "dateAccuracy" => s.DateAccuracy,
        "exactSpans" => s.ExactSpanShare,
        _ => throw new ArgumentException("unknown figure " + name, nameof(name)),
    };
}
