using KnowledgeGraph.Domain.Resolution;

namespace KnowledgeGraph.Extraction;

/// <summary>
/// The import's own resolution (<see cref="EntityIndex"/>: same name, alias, honorific,
/// transliteration, designation, surname) behind the extractor's seam, so that a speaker or a
/// place the extractor resolves is the record the import of its draft lands on. Negotiations,
/// which the import does not resolve by name, fall back to <see cref="NameResolver"/>.
/// </summary>
public sealed class GraphEntityResolver : IEntityResolver
{
    private readonly Dictionary<EntityType, EntityIndex> _indexes = [];
    private readonly NameResolver _fallback;

    /// <summary>Indexes the known records.</summary>
    public GraphEntityResolver(KnownEntities known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var (type, kind) in new[] { (EntityType.Person, EntityKind.Person), (EntityType.Organisation, EntityKind.Organisation), (EntityType.Place, EntityKind.Place) })
        {
            var index = new EntityIndex(kind);
            index.AddRange(known.OfType(type).Select(e => new EntityCandidate(e.Key, e.Name, e.Aliases)));
            _indexes[type] = index;
        }

        _fallback = new NameResolver(known);
    }

    /// <inheritdoc />
    public Resolution Resolve(EntityType type, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (!_indexes.TryGetValue(type, out var index) || names.Count == 0)
        {
            return _fallback.Resolve(type, names);
        }

        // The first name is the mention itself, the rest its variants: resolved as one record's name and aliases.
        var result = index.Resolve(new EntityCandidate("", names[0], [.. names.Skip(1)]));
        return result.Outcome switch
        {
            ResolutionOutcome.Matched => new Resolution(result.Key, "resolve." + result.Rule),
            ResolutionOutcome.Ambiguous => new Resolution(null, "resolve.ambiguous"),
            _ => new Resolution(null, "resolve.none"),
        };
    }
}
