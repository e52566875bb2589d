using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Domain.Import;

/// <summary>
/// Checks what a bundle refers to against the bundle itself and what the store holds: every
/// referenced key exists, and every evidence span equals the article text at its offsets.
/// </summary>
internal static class ReferenceCheck
{
    /// <summary>The references the bundle does not satisfy itself, with the first path making each.</summary>
    public static Dictionary<NodeId, string> Unresolved(BundleReader reader)
    {
        var result = new Dictionary<NodeId, string>();
        foreach (var (target, path) in reader.References)
        {
            if (!reader.Defined.Contains(target))
            {
                result.TryAdd(target, path);
            }
        }

        return result;
    }

    /// <summary>The articles that evidence names but the bundle does not define.</summary>
    public static IReadOnlyCollection<string> EvidenceArticlesOutsideBundle(BundleReader reader) =>
        reader.Evidence.Select(e => e.Evidence.ArticleKey)
            .Concat(reader.Unlocated.Select(u => u.Owner[u.Index].ArticleKey))
            .Where(k => !reader.Defined.Contains(new NodeId(NodeType.Article, k)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Adds a problem for every unknown reference and every span that does not match its article.</summary>
    public static void Check(
        BundleReader reader,
        IReadOnlySet<NodeId> existing,
        IReadOnlyDictionary<string, string> storedArticleTexts,
        List<ImportProblem> problems)
    {
        foreach (var (target, path) in reader.References)
        {
            if (!reader.Defined.Contains(target) && !existing.Contains(target))
            {
                problems.Add(new ImportProblem(path, $"No {target.Type.ToString().ToLowerInvariant()} has the key \"{target.Key}\" in this bundle or in the store."));
            }
        }

        var texts = reader.Articles.ToDictionary(a => a.Key, a => a.Text, StringComparer.Ordinal);
        foreach (var (key, text) in storedArticleTexts)
        {
            texts.TryAdd(key, text);
        }

        // Evidence given by its text alone is placed where that text occurs, once.
        foreach (var (owner, index, path) in reader.Unlocated)
        {
            var evidence = owner[index];
            if (!texts.TryGetValue(evidence.ArticleKey, out var text))
            {
                continue;
            }

            var found = Occurrences(text, evidence.Text);
            if (found.Count == 1)
            {
                owner[index] = evidence with { Start = found[0], End = found[0] + evidence.Text.Length };
            }
            else if (found.Count == 0)
            {
                problems.Add(new ImportProblem(path + ".text", $"{BundleReader.Quote(Shorten(evidence.Text))} does not occur in the article text."));
            }
            else
            {
                var spans = string.Join(", ", found.Take(5).Select(f => $"[{f}, {f + evidence.Text.Length})"));
                problems.Add(new ImportProblem(path + ".text", $"{BundleReader.Quote(Shorten(evidence.Text))} occurs {found.Count} times in the article text ({spans}); give \"start\" and \"end\" to choose one."));
            }
        }

        foreach (var (evidence, path) in reader.Evidence)
        {
            if (!texts.TryGetValue(evidence.ArticleKey, out var text))
            {
                continue; // already reported as an unknown reference
            }

            if (evidence.Start < 0 || evidence.End > text.Length || evidence.Start >= evidence.End)
            {
                problems.Add(new ImportProblem(path, $"The span [{evidence.Start}, {evidence.End}) is not inside the article text (length {text.Length}); expected 0 <= start < end <= length."));
                continue;
            }

            if (SplitsPair(text, evidence.Start) || SplitsPair(text, evidence.End))
            {
                problems.Add(new ImportProblem(path, $"The span [{evidence.Start}, {evidence.End}) cuts a surrogate pair (one character written as two UTF-16 code units) in half."));
                continue;
            }

            var actual = text[evidence.Start..evidence.End];
            if (!string.Equals(actual, evidence.Text, StringComparison.Ordinal))
            {
                var found = text.IndexOf(evidence.Text, StringComparison.Ordinal);
                var hint = found >= 0 ? $" That text is found at [{found}, {found + evidence.Text.Length})." : string.Empty;
                problems.Add(new ImportProblem(path + ".text", $"Does not match the article at [{evidence.Start}, {evidence.End}), which reads {BundleReader.Quote(Shorten(actual))}.{hint}"));
            }
        }
    }

    private static bool SplitsPair(string text, int at) =>
        at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(text[at]);

    private static List<int> Occurrences(string text, string value)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            found.Add(at);
        }

        return found;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "…";
}
