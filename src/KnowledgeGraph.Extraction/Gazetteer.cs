namespace KnowledgeGraph.Extraction;

/// <summary>A country: its ISO 3166-1 alpha-2 code, common name, other names, capital and demonym.</summary>
public sealed record GazetteerCountry(string Code, string Name, IReadOnlyList<string> OtherNames, string? Capital, string? Demonym);

/// <summary>A first-level region of a country (GeoNames admin1).</summary>
public sealed record GazetteerRegion(string CountryCode, string Code, string Name);

/// <summary>A city or town (GeoNames populated place) with its country and admin1 code.</summary>
public sealed record GazetteerCity(string CountryCode, string? RegionCode, string Name);

/// <summary>What a gazetteer entry is.</summary>
public enum GazetteerLevel
{
    /// <summary>A country.</summary>
    Country,

    /// <summary>A first-level region.</summary>
    Region,

    /// <summary>A city, town or village.</summary>
    City,
}

/// <summary>One entry a name can stand for.</summary>
public sealed record GazetteerEntry(GazetteerLevel Level, string Name, string CountryCode, string? RegionCode);

/// <summary>
/// Countries, first-level regions and cities, indexed by normalised name. The extractor takes it as
/// input; reading it from files is someone else's job (KnowledgeGraph.Extraction.GeoNames).
/// </summary>
public sealed class Gazetteer
{
    private static readonly string[] RegionSuffixes =
        [" oblast", " region", " province", " governorate", " krai", " state", " county", " district", " prefecture", " city"];

    private readonly Dictionary<string, List<GazetteerEntry>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerCountry> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerCountry> _byDemonym = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerCountry> _byCapital = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), GazetteerRegion> _regions = [];

    /// <summary>Indexes the given entries.</summary>
    public Gazetteer(IEnumerable<GazetteerCountry> countries, IEnumerable<GazetteerRegion> regions, IEnumerable<GazetteerCity> cities)
    {
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(cities);
        foreach (var c in countries)
        {
            _countries[c.Code] = c;
            var entry = new GazetteerEntry(GazetteerLevel.Country, c.Name, c.Code, null);
            Add(c.Name, entry);
            foreach (var other in c.OtherNames)
            {
                // Two-letter codes ("UA") would turn every capitalised pair of letters into a country.
                if (other.Length > 2 || other.Contains('.', StringComparison.Ordinal))
                {
                    Add(other, entry);
                }
            }

            if (c.Demonym is { Length: > 0 } d)
            {
                _byDemonym.TryAdd(Names.Normalise(d), c);
            }

            if (c.Capital is { Length: > 0 } cap)
            {
                _byCapital.TryAdd(Names.Normalise(cap), c);
            }
        }

        foreach (var r in regions)
        {
            _regions[(r.CountryCode, r.Code)] = r;
            var entry = new GazetteerEntry(GazetteerLevel.Region, r.Name, r.CountryCode, r.Code);
            Add(r.Name, entry);
            var norm = Names.Normalise(r.Name);
            foreach (var suffix in RegionSuffixes)
            {
                if (norm.EndsWith(suffix, StringComparison.Ordinal) && norm.Length > suffix.Length)
                {
                    Add(norm[..^suffix.Length], entry);
                }
            }
        }

        foreach (var c in cities)
        {
            Add(c.Name, new GazetteerEntry(GazetteerLevel.City, c.Name, c.CountryCode, c.RegionCode));
        }

        CityCount = _byName.Values.Sum(l => l.Count(e => e.Level == GazetteerLevel.City));
    }

    /// <summary>No entries: only the graph's own places are found.</summary>
    public static Gazetteer Empty { get; } = new([], [], []);

    /// <summary>How many city entries it holds.</summary>
    public int CityCount { get; }

    /// <summary>The entries a name may stand for (countries first, then regions, then cities).</summary>
    public IReadOnlyList<GazetteerEntry> Lookup(string name) =>
        _byName.TryGetValue(Names.Normalise(name), out var list) ? list : [];

    /// <summary>The country with this code.</summary>
    public GazetteerCountry? Country(string code) => _countries.GetValueOrDefault(code);

    /// <summary>The region with this country and admin1 code.</summary>
    public GazetteerRegion? Region(string countryCode, string? code) =>
        code is null ? null : _regions.GetValueOrDefault((countryCode, code));

    /// <summary>The country whose people are called this ("Ukrainian").</summary>
    public GazetteerCountry? CountryOfDemonym(string word) => _byDemonym.GetValueOrDefault(Names.Normalise(word));

    /// <summary>The country whose capital this is ("Moscow"), standing for its government.</summary>
    public GazetteerCountry? CountryOfCapital(string word) => _byCapital.GetValueOrDefault(Names.Normalise(word));

    private void Add(string name, GazetteerEntry entry)
    {
        var key = Names.Normalise(name);
        if (key.Length == 0)
        {
            return;
        }

        if (!_byName.TryGetValue(key, out var list))
        {
            _byName[key] = list = [];
        }

        list.Add(entry);
        if (list.Count > 1 && entry.Level != GazetteerLevel.City)
        {
            list.Sort((a, b) => a.Level.CompareTo(b.Level));
        }
    }
}
