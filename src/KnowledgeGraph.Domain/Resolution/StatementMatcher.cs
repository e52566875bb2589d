namespace KnowledgeGraph.Domain.Resolution;

/// <summary>
/// Decides whether a statement is one already known: the same speaker saying the same words, as
/// a second outlet carrying the same quote reports it. Pure, like <see cref="EntityResolver"/>.
/// Statements without a named speaker are never matched: nothing ties two of them together.
/// </summary>
public static class StatementMatcher
{
    /// <summary>The least similarity (1 − edit distance / length) that counts as the same utterance.</summary>
    public const double Threshold = 0.9;

    // Beyond this length only identical texts are compared (the edit distance is quadratic).
    private const int MaxCompared = 4000;

    /// <summary>The known statement that <paramref name="incoming"/> repeats, if one fits best.</summary>
    public static Resolution Match(StatementCandidate incoming, IReadOnlyCollection<StatementCandidate> known)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(known);
        if (incoming.Speaker is null)
        {
            return Resolution.None;
        }

        var text = NameNormalizer.Normalize(incoming.Text);
        var best = new List<(string Key, string Rule, double Score)>();
        foreach (var candidate in known)
        {
            if (!string.Equals(candidate.Speaker, incoming.Speaker, StringComparison.Ordinal))
            {
                continue;
            }

            var other = NameNormalizer.Normalize(candidate.Text);
            var score = Similarity(text, other);
            if (score < Threshold || (best.Count > 0 && score < best[0].Score))
            {
                continue;
            }

            if (best.Count > 0 && score > best[0].Score)
            {
                best.Clear();
            }

            if (!best.Exists(b => string.Equals(b.Key, candidate.Key, StringComparison.Ordinal)))
            {
                best.Add((candidate.Key, score >= 1.0 ? ResolutionRules.SameUtterance : ResolutionRules.NearUtterance, score));
            }
        }

        return best.Count switch
        {
            0 => Resolution.None,
            1 => new Resolution(ResolutionOutcome.Matched, best[0].Key, best[0].Rule, best[0].Score, []),
            _ => new Resolution(ResolutionOutcome.Ambiguous, null, best[0].Rule, best[0].Score, best.Select(b => b.Key).Order(StringComparer.Ordinal).ToArray()),
        };
    }

    /// <summary>1 − (edit distance / longer length) of two normalised texts; 1 when equal.</summary>
    public static double Similarity(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1.0;
        }

        var longer = Math.Max(a.Length, b.Length);
        if (longer == 0 || longer > MaxCompared || Math.Min(a.Length, b.Length) < longer * Threshold)
        {
            return 0.0;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return 1.0 - ((double)previous[b.Length] / longer);
    }
}
