namespace KnowledgeGraph.Extraction;

/// <summary>The outcome of resolving a mention: the key it names (or null) and the rule that decided.</summary>
/// <param name="Key">The record's key, or null when nothing fits or two records fit equally.</param>
/// <param name="Rule">The rule that decided (<c>resolve.name</c>, <c>resolve.alias</c>, <c>resolve.surname</c>, <c>resolve.ambiguous</c>, <c>resolve.none</c>).</param>
public sealed record Resolution(string? Key, string Rule);

/// <summary>
/// Resolves a mention onto a known record. The extractor asks through this seam only, so that the
/// import's own resolver can take its place.
/// </summary>
public interface IEntityResolver
{
    /// <summary>Resolves <paramref name="names"/> (a name and its variants, most telling first) onto one record of <paramref name="type"/>.</summary>
    Resolution Resolve(EntityType type, IReadOnlyList<string> names);
}

/// <summary>
/// Deterministic resolution by normalised name, then alias, then (people only) a lone surname
/// that fits exactly one known person. When two records fit equally, nothing is guessed.
/// </summary>
public sealed class NameResolver : IEntityResolver
{
    private readonly Dictionary<(EntityType, string), List<string>> _byName = [];
    private readonly Dictionary<(EntityType, string), List<string>> _byAlias = [];
    private readonly Dictionary<string, List<string>> _bySurname = new(StringComparer.Ordinal);

    /// <summary>Indexes the known records.</summary>
    public NameResolver(KnownEntities known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var e in known.All)
        {
            Add(_byName, (e.Type, Names.Normalise(e.Name)), e.Key);
            foreach (var a in e.Aliases)
            {
                Add(_byAlias, (e.Type, Names.Normalise(a)), e.Key);
            }

            if (e.Type == EntityType.Person)
            {
                var parts = Names.Normalise(e.Name).Split(' ');
                if (parts.Length > 1)
                {
                    AddKey(_bySurname, parts[^1], e.Key);
                }
            }
        }
    }

    /// <inheritdoc />
    public Resolution Resolve(EntityType type, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var (index, rule) in new[] { (_byName, "resolve.name"), (_byAlias, "resolve.alias") })
        {
            foreach (var n in names)
            {
                if (index.TryGetValue((type, Names.Normalise(n)), out var keys))
                {
                    return keys.Count == 1 ? new Resolution(keys[0], rule) : new Resolution(null, "resolve.ambiguous");
                }
            }
        }

        // The other index, crosswise: a mention's name may be a record's alias and the other way round.
        foreach (var n in names)
        {
            var norm = Names.Normalise(n);
            var keys = (_byName.GetValueOrDefault((type, norm)) ?? []).Concat(_byAlias.GetValueOrDefault((type, norm)) ?? []).Distinct().ToList();
            if (keys.Count > 1)
            {
                return new Resolution(null, "resolve.ambiguous");
            }
        }

        if (type == EntityType.Person)
        {
            foreach (var n in names)
            {
                var norm = Names.Normalise(n);
                var last = norm.Split(' ')[^1];
                if (_bySurname.TryGetValue(last, out var keys))
                {
                    return keys.Count == 1 ? new Resolution(keys[0], "resolve.surname") : new Resolution(null, "resolve.ambiguous");
                }
            }
        }

        return new Resolution(null, "resolve.none");
    }

    private static void Add(Dictionary<(EntityType, string), List<string>> index, (EntityType, string) key, string value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static void AddKey(Dictionary<string, List<string>> index, string key, string value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
