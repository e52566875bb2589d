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
    public static Resolution Resolve(EntityKind kind, EntityCandidate incoming, IEnumerable<EntityCandidate> candidates)
    {
        var index = new EntityIndex(kind);
        index.AddRange(candidates);
        return index.Resolve(incoming);
    }
}

/// <summary>
/// Known entities of one kind, indexed by every compared form of their names, so that resolving
/// many names against many entities costs a few look-ups per name. Gives the same answers as
/// <see cref="EntityResolver.Resolve"/>.
/// </summary>
public sealed class EntityIndex
{
    private static readonly (string Rule, double Score)[] Rules =
    [
        (ResolutionRules.SameName, 1.0),
        (ResolutionRules.Alias, 0.95),
        (ResolutionRules.Honorific, 0.9),
        (ResolutionRules.Transliteration, 0.85),
        (ResolutionRules.Designation, 0.8),
        (ResolutionRules.Surname, 0.6),
    ];

    private readonly EntityKind _kind;
    private readonly Dictionary<string, Forms> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>>[] _byRule = Rules.Select(_ => new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)).ToArray();

    /// <summary>An empty index for entities of <paramref name="kind"/>.</summary>
    public EntityIndex(EntityKind kind) => _kind = kind;

    /// <summary>How many entities the index holds.</summary>
    public int Count => _entities.Count;

    /// <summary>Adds entities; an entity with a key already held replaces it.</summary>
    public void AddRange(IEnumerable<EntityCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var candidate in candidates)
        {
            Add(candidate);
        }
    }

    /// <summary>Adds an entity, replacing one with the same key.</summary>
    public void Add(EntityCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (_entities.Remove(candidate.Key, out var old))
        {
            for (var r = 0; r < Rules.Length; r++)
            {
                foreach (var form in old.ByRule[r])
                {
                    if (_byRule[r].TryGetValue(form, out var keys))
                    {
                        keys.Remove(candidate.Key);
                    }
                }
            }
        }

        var forms = new Forms(_kind, candidate);
        _entities[candidate.Key] = forms;
        for (var r = 0; r < Rules.Length; r++)
        {
            foreach (var form in forms.ByRule[r])
            {
                if (!_byRule[r].TryGetValue(form, out var keys))
                {
                    _byRule[r][form] = keys = new HashSet<string>(StringComparer.Ordinal);
                }

                keys.Add(candidate.Key);
            }
        }
    }

    /// <summary>The known entity that <paramref name="incoming"/> names, if one fits best.</summary>
    public Resolution Resolve(EntityCandidate incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var forms = new Forms(_kind, incoming);

        // The strongest rule that any candidate meets decides; every candidate meeting it ties.
        for (var r = 0; r < Rules.Length; r++)
        {
            var matched = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var form in forms.ByRule[r])
            {
                if (_byRule[r].TryGetValue(form, out var keys))
                {
                    matched.UnionWith(keys);
                }
            }

            if (r == Rules.Length - 1 && !forms.SingleWord)
            {
                // A surname matches only when one side is the surname alone.
                matched.RemoveWhere(k => !_entities[k].SingleWord);
            }

            if (matched.Count == 1)
            {
                return new Resolution(ResolutionOutcome.Matched, matched.Min, Rules[r].Rule, Rules[r].Score, []);
            }

            if (matched.Count > 1)
            {
                return new Resolution(ResolutionOutcome.Ambiguous, null, Rules[r].Rule, Rules[r].Score, matched.ToArray());
            }
        }

        return Resolution.None;
    }

    /// <summary>Every compared form of one record's names, per rule.</summary>
    private sealed class Forms
    {
        public Forms(EntityKind kind, EntityCandidate entity)
        {
            var names = entity.Aliases.Prepend(entity.Name).Where(n => !string.IsNullOrWhiteSpace(n)).ToArray();
            var name = NameNormalizer.Normalize(entity.Name ?? string.Empty);
            var all = Set(names.Select(NameNormalizer.Normalize));
            var plain = kind == EntityKind.Person ? Set(names.Select(NameNormalizer.WithoutHonorifics)) : [];
            var transliterated = Set((kind == EntityKind.Person ? plain : all).Select(NameNormalizer.Transliterated));
            var designations = kind == EntityKind.Organisation ? Set(names.Select(NameNormalizer.Designation)) : [];
            var words = NameNormalizer.Transliterated(NameNormalizer.WithoutHonorifics(entity.Name ?? string.Empty))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            SingleWord = words.Length == 1;
            HashSet<string> surname = kind == EntityKind.Person && words.Length > 0 ? [words[^1]] : [];
            ByRule = [Set([name]), all, plain, transliterated, designations, surname];
        }

        public HashSet<string>[] ByRule { get; }

        public bool SingleWord { get; }

        private static HashSet<string> Set(IEnumerable<string> values) =>
            new(values.Where(v => v.Length > 0), StringComparer.Ordinal);
    }
}
