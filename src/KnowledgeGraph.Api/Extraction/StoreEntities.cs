using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Api.Extraction;

/// <summary>
/// The store's people, organisations, places and negotiations, as the extractor's
/// <see cref="KnownEntities"/> and as records by key (for the <c>node</c> of a resolved proposal).
/// Read in pages of <see cref="PageSize"/>: one store call per type and page, whatever the article.
/// </summary>
internal sealed class StoreEntities
{
    /// <summary>Records per store call.</summary>
    public const int PageSize = 5000;

    private StoreEntities(KnownEntities known, IReadOnlyDictionary<string, Person> people, IReadOnlyDictionary<string, Organisation> organisations, IReadOnlyDictionary<string, Place> places)
    {
        Known = known;
        People = people;
        Organisations = organisations;
        Places = places;
    }

    public KnownEntities Known { get; }

    public IReadOnlyDictionary<string, Person> People { get; }

    public IReadOnlyDictionary<string, Organisation> Organisations { get; }

    public IReadOnlyDictionary<string, Place> Places { get; }

    public static async Task<StoreEntities> ReadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var people = await AllAsync<Person>(store, cancellationToken);
        var organisations = await AllAsync<Organisation>(store, cancellationToken);
        var places = await AllAsync<Place>(store, cancellationToken);
        var negotiations = await AllAsync<Negotiation>(store, cancellationToken);
        var known = new List<KnownEntity>();
        known.AddRange(people.Select(p => new KnownEntity(EntityType.Person, p.Key, p.Name, p.Aliases)));
        known.AddRange(organisations.Select(o => new KnownEntity(EntityType.Organisation, o.Key, o.Name, o.Aliases, o.CountryKey, EnumNames.ToWire(o.Kind))));
        known.AddRange(places.Select(p => new KnownEntity(EntityType.Place, p.Key, p.Name, p.Aliases, p.ContainedInKey, EnumNames.ToWire(p.Kind))));
        known.AddRange(negotiations.Select(n => new KnownEntity(EntityType.Negotiation, n.Key, n.Name, [], n.VenueKey)));
        return new StoreEntities(
            new KnownEntities(known),
            people.ToDictionary(p => p.Key, StringComparer.Ordinal),
            organisations.ToDictionary(o => o.Key, StringComparer.Ordinal),
            places.ToDictionary(p => p.Key, StringComparer.Ordinal));
    }

    private static async Task<List<T>> AllAsync<T>(IGraphStore store, CancellationToken cancellationToken)
        where T : Node
    {
        var all = new List<T>();
        int? after = null;
        while (true)
        {
            var page = await store.ListAsync<T>(null, [], new PageRequest(PageSize, null, after, null, false), cancellationToken);
            all.AddRange(page.Items);
            if (!page.HasNextPage || page.Items.Count == 0)
            {
                return all;
            }

            after = page.Offset + page.Items.Count - 1;
        }
    }
}
