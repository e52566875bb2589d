using KnowledgeGraph.Extraction.Bundles;

namespace KnowledgeGraph.Extraction.Evaluation;

/// <summary>One article to score: its text, the hand-made gold bundle and the proposed draft.</summary>
/// <param name="Name">A name for the report.</param>
/// <param name="ArticleKey">The article's key in the gold bundle.</param>
/// <param name="PredictedArticleKey">The article's key in the draft.</param>
/// <param name="Gold">The hand-made bundle.</param>
/// <param name="Predicted">The draft to score.</param>
public sealed record EvaluationCase(string Name, string ArticleKey, string PredictedArticleKey, DraftBundle Gold, DraftBundle Predicted);

/// <summary>The figures for one article or for all together (micro-averaged: counts are summed first).</summary>
/// <param name="GoldStatements">Statements in the gold bundle.</param>
/// <param name="PredictedStatements">Statements proposed.</param>
/// <param name="Matched">Proposed statements matched to a gold one with the same speaker.</param>
/// <param name="SpanPairs">Pairs whose spans overlap by at least half of the shorter, whatever the speaker.</param>
/// <param name="SameSpeakerPairs">Of those, the pairs whose speakers resolve to the same record.</param>
/// <param name="SameKind">Matched statements of the same kind.</param>
/// <param name="SameDate">Matched statements with the same date (both null counts).</param>
/// <param name="ExactSpans">Matched statements whose span is exactly the gold one.</param>
/// <param name="GoldPlaces">Places of matched gold statements.</param>
/// <param name="PredictedPlaces">Places of matched proposed statements.</param>
/// <param name="SamePlaces">Places on both sides of a matched pair.</param>
public sealed record Scores(
    int GoldStatements,
    int PredictedStatements,
    int Matched,
    int SpanPairs,
    int SameSpeakerPairs,
    int SameKind,
    int SameDate,
    int ExactSpans,
    int GoldPlaces,
    int PredictedPlaces,
    int SamePlaces)
{
    /// <summary>Matched over proposed.</summary>
    public double Precision => Ratio(Matched, PredictedStatements);

    /// <summary>Matched over gold.</summary>
    public double Recall => Ratio(Matched, GoldStatements);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Of the statements found at the right place in the text, the share given the right speaker.</summary>
    public double SpeakerAccuracy => Ratio(SameSpeakerPairs, SpanPairs);

    /// <summary>Of matched statements, the share with the right kind.</summary>
    public double KindAccuracy => Ratio(SameKind, Matched);

    /// <summary>Of matched statements, the share with the right date.</summary>
    public double DateAccuracy => Ratio(SameDate, Matched);

    /// <summary>Of matched statements, the share whose span is exact.</summary>
    public double ExactSpanShare => Ratio(ExactSpans, Matched);

    /// <summary>Places proposed on matched statements that the gold has.</summary>
    public double PlacePrecision => Ratio(SamePlaces, PredictedPlaces);

    /// <summary>Gold places on matched statements that were proposed.</summary>
    public double PlaceRecall => Ratio(SamePlaces, GoldPlaces);

    /// <summary>Adds two sets of counts.</summary>
    public static Scores operator +(Scores a, Scores b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.GoldStatements + b.GoldStatements, a.PredictedStatements + b.PredictedStatements, a.Matched + b.Matched,
            a.SpanPairs + b.SpanPairs, a.SameSpeakerPairs + b.SameSpeakerPairs, a.SameKind + b.SameKind, a.SameDate + b.SameDate,
            a.ExactSpans + b.ExactSpans, a.GoldPlaces + b.GoldPlaces, a.PredictedPlaces + b.PredictedPlaces, a.SamePlaces + b.SamePlaces);
    }

    /// <summary>No counts.</summary>
    public static Scores Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Adds two sets of counts.</summary>
    public static Scores Add(Scores a, Scores b) => a + b;

    private static double Ratio(int a, int b) => b == 0 ? 1.0 : (double)a / b;
}

/// <summary>A gold statement and the proposed one it was paired with, or either alone.</summary>
/// <param name="Gold">The gold statement's key, or null for a proposal with no gold counterpart.</param>
/// <param name="Predicted">The proposed statement's key, or null for a gold statement that was missed.</param>
/// <param name="Note">What differs (speaker, kind, date, span), empty when all agree.</param>
public sealed record EvaluationLine(string? Gold, string? Predicted, string Note);

/// <summary>The figures for one article and the pairs behind them.</summary>
public sealed record ArticleEvaluation(string Name, Scores Scores, IReadOnlyList<EvaluationLine> Lines);

/// <summary>The figures per article and overall.</summary>
public sealed record EvaluationReport(IReadOnlyList<ArticleEvaluation> Articles, Scores Overall);

/// <summary>
/// Scores drafts against hand-made bundles. A proposed statement matches a gold one when their
/// spans overlap by at least half of the shorter and their speakers resolve to the same record.
/// Proposed records (new people, organisations, places) are resolved onto the gold bundle's
/// records by name and alias, the way an import would resolve them.
/// </summary>
public static class Evaluator
{
    /// <summary>Scores every case, and all of them together.</summary>
    public static EvaluationReport Evaluate(IEnumerable<EvaluationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var articles = cases.Select(EvaluateOne).ToList();
        return new EvaluationReport(articles, articles.Aggregate(Scores.Zero, (a, b) => a + b.Scores));
    }

    private static ArticleEvaluation EvaluateOne(EvaluationCase c)
    {
        var goldResolver = new NameResolver(KnownEntities.FromBundle(c.Gold));
        var gold = c.Gold.Statements.Select(s => (Statement: s, Span: s.Evidence.FirstOrDefault(e => e.Article == c.ArticleKey)))
            .Where(x => x.Span is not null).ToList();
        var predicted = c.Predicted.Statements.Select(s => (Statement: s, Span: s.Evidence.FirstOrDefault(e => e.Article == c.PredictedArticleKey)))
            .Where(x => x.Span is not null).ToList();

        string? Speaker(DraftSpeaker? s, DraftBundle bundle, bool isGold)
        {
            if (s is null)
            {
                return null;
            }

            var (type, key) = s.Person is { } p ? (EntityType.Person, p) : (EntityType.Organisation, s.Organisation!);
            return (isGold ? type + ":" + key : type + ":" + MapRecord(type, key, bundle, c.Gold, goldResolver)) ;
        }

        string MapPlace(string key) => MapRecord(EntityType.Place, key, c.Predicted, c.Gold, goldResolver);

        // Candidate pairs: spans overlapping by at least half of the shorter. Same speaker first, then larger overlap.
        var pairs = new List<(int G, int P, bool SameSpeaker, int Overlap)>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                var gs = gold[g].Span!;
                var ps = predicted[p].Span!;
                var overlap = Math.Min(gs.End, ps.End) - Math.Max(gs.Start, ps.Start);
                var shorter = Math.Min(gs.End - gs.Start, ps.End - ps.Start);
                if (overlap > 0 && overlap * 2 >= shorter)
                {
                    var same = Speaker(gold[g].Statement.Speaker, c.Gold, true) == Speaker(predicted[p].Statement.Speaker, c.Predicted, false);
                    pairs.Add((g, p, same, overlap));
                }
            }
        }

        var usedG = new HashSet<int>();
        var usedP = new HashSet<int>();
        var chosen = new List<(int G, int P, bool SameSpeaker)>();
        foreach (var pair in pairs.OrderByDescending(x => x.SameSpeaker).ThenByDescending(x => x.Overlap).ThenBy(x => x.G).ThenBy(x => x.P))
        {
            if (usedG.Contains(pair.G) || usedP.Contains(pair.P))
            {
                continue;
            }

            usedG.Add(pair.G);
            usedP.Add(pair.P);
            chosen.Add((pair.G, pair.P, pair.SameSpeaker));
        }

        int matched = 0, sameKind = 0, sameDate = 0, exact = 0, goldPlaces = 0, predPlaces = 0, samePlaces = 0;
        var lines = new List<EvaluationLine>();
        foreach (var (g, p, same) in chosen.OrderBy(x => gold[x.G].Span!.Start))
        {
            var gs = gold[g].Statement;
            var ps = predicted[p].Statement;
            var notes = new List<string>();
            if (!same)
            {
                notes.Add($"speaker {Speaker(ps.Speaker, c.Predicted, false) ?? "none"} instead of {Speaker(gs.Speaker, c.Gold, true) ?? "none"}");
                lines.Add(new EvaluationLine(gs.Key, ps.Key, string.Join("; ", notes)));
                continue;
            }

            matched++;
            if (gs.Kind == ps.Kind)
            {
                sameKind++;
            }
            else
            {
                notes.Add($"kind {ps.Kind} instead of {gs.Kind}");
            }

            if (gs.Date == ps.Date)
            {
                sameDate++;
            }
            else
            {
                notes.Add($"date {ps.Date ?? "null"} instead of {gs.Date ?? "null"}");
            }

            var gSpan = gold[g].Span!;
            var pSpan = predicted[p].Span!;
            if (gSpan.Start == pSpan.Start && gSpan.End == pSpan.End)
            {
                exact++;
            }
            else
            {
                notes.Add($"span [{pSpan.Start},{pSpan.End}) instead of [{gSpan.Start},{gSpan.End})");
            }

            var goldSet = gs.About.ToHashSet(StringComparer.Ordinal);
            var predSet = ps.About.Select(MapPlace).ToHashSet(StringComparer.Ordinal);
            goldPlaces += goldSet.Count;
            predPlaces += predSet.Count;
            samePlaces += predSet.Count(goldSet.Contains);
            var missing = goldSet.Except(predSet).ToList();
            var extra = predSet.Except(goldSet).ToList();
            if (missing.Count > 0)
            {
                notes.Add("places missed: " + string.Join(", ", missing));
            }

            if (extra.Count > 0)
            {
                notes.Add("places extra: " + string.Join(", ", extra));
            }

            lines.Add(new EvaluationLine(gs.Key, ps.Key, string.Join("; ", notes)));
        }

        for (var g = 0; g < gold.Count; g++)
        {
            if (!usedG.Contains(g))
            {
                lines.Add(new EvaluationLine(gold[g].Statement.Key, null, "missed"));
            }
        }

        for (var p = 0; p < predicted.Count; p++)
        {
            if (!usedP.Contains(p))
            {
                lines.Add(new EvaluationLine(null, predicted[p].Statement.Key, "not in the gold"));
            }
        }

        var scores = new Scores(gold.Count, predicted.Count, matched, chosen.Count, chosen.Count(x => x.SameSpeaker), sameKind, sameDate, exact,
            goldPlaces, predPlaces, samePlaces);
        return new ArticleEvaluation(c.Name, scores, lines);
    }

    // A proposed record's key in the gold bundle's terms: the same key when the gold has it,
    // else the gold record whose name or alias the proposal carries, else the proposal's own key.
    private static string MapRecord(EntityType type, string key, DraftBundle predicted, DraftBundle gold, NameResolver goldResolver)
    {
        var goldHas = type switch
        {
            EntityType.Person => gold.People.Any(p => p.Key == key),
            EntityType.Organisation => gold.Organisations.Any(o => o.Key == key),
            _ => gold.Places.Any(p => p.Key == key),
        };
        var names = type switch
        {
            EntityType.Person => predicted.People.Where(p => p.Key == key).SelectMany(p => new[] { p.Name }.Concat(p.Aliases)).ToList(),
            EntityType.Organisation => predicted.Organisations.Where(o => o.Key == key).SelectMany(o => new[] { o.Name }.Concat(o.Aliases)).ToList(),
            _ => predicted.Places.Where(p => p.Key == key).SelectMany(p => new[] { p.Name }.Concat(p.Aliases)).ToList(),
        };
        if (names.Count == 0)
        {
            return goldHas ? key : "unknown:" + key;
        }

        return goldResolver.Resolve(type, names).Key ?? (goldHas ? key : "new:" + key);
    }
}
