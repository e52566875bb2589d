namespace KnowledgeGraph.Domain.Resolution;

/// <summary>
/// Decides whether a name names an entity already known. Pure: it sees only its arguments (no
/// store, no clock), so the importer, the mutations and an article extractor can all call it and
/// get the same answer. Every decision carries its rule and score; when the best score is shared
/// by two or more candidates the answer is <see cref="ResolutionOutcome.Ambiguous"/>, never a guess.
/// </summary>
public static class EntityResolver
{
    /// <summary>The known entity that <paramref name="incoming"/> names, if one fits best.</summary>
    /// <param name="kind">The kind of both the incoming record and the candidates.</param>
    /// <param name="incoming">The record to resolve: its name and aliases (its key is not used).</param>
    /// <param name="candidates">The known entities of that kind.</param>
    public static Resolution Resolve(EntityKind kind, EntityCandidate incoming, IReadOnlyCollection<EntityCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(candidates);
        var forms = new Forms(kind, incoming);
        var best = new List<(string Key, string Rule, double Score)>();
        foreach (var candidate in candidates)
        {
            if (Score(kind, forms, new Forms(kind, candidate)) is not { } match)
            {
                continue;
            }

            if (best.Count > 0 && match.Score < best[0].Score)
            {
                continue;
            }

            if (best.Count > 0 && match.Score > best[0].Score)
            {
                best.Clear();
            }

            if (!best.Exists(b => string.Equals(b.Key, candidate.Key, StringComparison.Ordinal)))
            {
                best.Add((candidate.Key, match.Rule, match.Score));
            }
        }

        return best.Count switch
        {
            0 => Resolution.None,
            1 => new Resolution(ResolutionOutcome.Matched, best[0].Key, best[0].Rule, best[0].Score, []),
            _ => new Resolution(ResolutionOutcome.Ambiguous, null, best[0].Rule, best[0].Score, best.Select(b => b.Key).Order(StringComparer.Ordinal).ToArray()),
        };
    }

    private static (string Rule, double Score)? Score(EntityKind kind, Forms a, Forms b)
    {
        if (a.Name.Length > 0 && string.Equals(a.Name, b.Name, StringComparison.Ordinal))
        {
            return (ResolutionRules.SameName, 1.0);
        }

        if (a.All.Overlaps(b.All))
        {
            return (ResolutionRules.Alias, 0.95);
        }

        if (kind == EntityKind.Person && a.Plain.Overlaps(b.Plain))
        {
            return (ResolutionRules.Honorific, 0.9);
        }

        if (a.Transliterated.Overlaps(b.Transliterated))
        {
            return (ResolutionRules.Transliteration, 0.85);
        }

        if (kind == EntityKind.Organisation && a.Designations.Overlaps(b.Designations))
        {
            return (ResolutionRules.Designation, 0.8);
        }

        if (kind == EntityKind.Person && a.Surname is { } surname && b.Surname is { } other
            && string.Equals(surname, other, StringComparison.Ordinal) && (a.SingleWord || b.SingleWord))
        {
            return (ResolutionRules.Surname, 0.6);
        }

        return null;
    }

    /// <summary>Every compared form of one record's names, computed once.</summary>
    private sealed class Forms
    {
        public Forms(EntityKind kind, EntityCandidate entity)
        {
            var names = entity.Aliases.Prepend(entity.Name).Where(n => !string.IsNullOrWhiteSpace(n)).ToArray();
            Name = NameNormalizer.Normalize(entity.Name ?? string.Empty);
            All = Set(names.Select(NameNormalizer.Normalize));
            Plain = kind == EntityKind.Person ? Set(names.Select(NameNormalizer.WithoutHonorifics)) : All;
            Transliterated = Set(Plain.Select(NameNormalizer.Transliterated));
            Designations = kind == EntityKind.Organisation ? Set(names.Select(NameNormalizer.Designation)) : [];
            var words = NameNormalizer.Transliterated(NameNormalizer.WithoutHonorifics(entity.Name ?? string.Empty))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Surname = words.Length > 0 ? words[^1] : null;
            SingleWord = words.Length == 1;
        }

        public string Name { get; }

        public HashSet<string> All { get; }

        public HashSet<string> Plain { get; }

        public HashSet<string> Transliterated { get; }

        public HashSet<string> Designations { get; }

        public string? Surname { get; }

        public bool SingleWord { get; }

        private static HashSet<string> Set(IEnumerable<string> values) =>
            new(values.Where(v => v.Length > 0), StringComparer.Ordinal);
    }
}
