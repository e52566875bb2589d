using KnowledgeGraph.Extraction.Bundles;

namespace KnowledgeGraph.Extraction;

/// <summary>The kinds of record a mention can be resolved onto.</summary>
public enum EntityType
{
    /// <summary>A person.</summary>
    Person,

    /// <summary>An organisation (a government, ministry, army, agency …).</summary>
    Organisation,

    /// <summary>A place.</summary>
    Place,

    /// <summary>A negotiation.</summary>
    Negotiation,
}

/// <summary>A record already in the graph, as plain names: what resolution needs and nothing else.</summary>
/// <param name="Type">What the record is.</param>
/// <param name="Key">Its key.</param>
/// <param name="Name">Its name.</param>
/// <param name="Aliases">Other names it goes by.</param>
/// <param name="Parent">For a place the place it lies in; for an organisation its country; for a negotiation its venue.</param>
/// <param name="Kind">Its kind as the bundle spells it (<c>REGION</c>, <c>MINISTRY</c> …), when known.</param>
public sealed record KnownEntity(
    EntityType Type,
    string Key,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Parent = null,
    string? Kind = null);

/// <summary>The entities an extraction is shown: the graph's people, organisations, places and negotiations.</summary>
public sealed class KnownEntities
{
    /// <summary>Creates the set from plain candidates.</summary>
    public KnownEntities(IEnumerable<KnownEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        All = [.. entities];
    }

    /// <summary>Nothing known: every speaker and place is proposed as a new record.</summary>
    public static KnownEntities Empty { get; } = new([]);

    /// <summary>Every known record.</summary>
    public IReadOnlyList<KnownEntity> All { get; }

    /// <summary>The known records of one type.</summary>
    public IEnumerable<KnownEntity> OfType(EntityType type) => All.Where(e => e.Type == type);

    /// <summary>The records a bundle defines (its statements and articles are left out).</summary>
    public static KnownEntities FromBundle(DraftBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var list = new List<KnownEntity>();
        list.AddRange(bundle.People.Select(p => new KnownEntity(EntityType.Person, p.Key, p.Name, p.Aliases)));
        list.AddRange(bundle.Organisations.Select(o => new KnownEntity(EntityType.Organisation, o.Key, o.Name, o.Aliases, o.Country, o.Kind)));
        list.AddRange(bundle.Places.Select(p => new KnownEntity(EntityType.Place, p.Key, p.Name, p.Aliases, p.ContainedIn, p.Kind)));
        list.AddRange(bundle.Negotiations.Select(n => new KnownEntity(EntityType.Negotiation, n.Key, n.Name, [], n.Venue)));
        return new KnownEntities(list);
    }
}
