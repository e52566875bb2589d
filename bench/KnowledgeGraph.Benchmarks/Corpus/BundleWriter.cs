using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Benchmarks.Corpus;

/// <summary>
/// Writes import batches as bundles in the <c>knowledge-graph/v1</c> format (data/README.md):
/// one <c>NNNN_bench.json</c> per batch with each article's text beside it, so that a generated
/// corpus can go through <see cref="BundleImporter"/> (and its span checks) or be served by
/// pointing <c>KG_SEED__DIRECTORY</c> at the folder.
/// </summary>
internal static class BundleWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The bundle of <paramref name="batch"/>; its articles' texts go to <paramref name="writeTextFile"/>.</summary>
    public static string ToBundle(GraphBatch batch, Action<string, string> writeTextFile)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(writeTextFile);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("format", BundleImporter.Format);
            Array(json, "articles", batch.Articles, a =>
            {
                var file = a.Key + ".txt";
                writeTextFile(file, a.Text);
                json.WriteString("key", a.Key);
                json.WriteString("textFile", file);
                json.WriteString("title", a.Title);
                json.WriteString("url", a.Url);
                json.WriteString("publisher", a.Publisher);
                json.WriteString("syndicator", a.Syndicator);
                Strings(json, "agencies", a.Agencies);
                json.WriteString("publishedAt", a.PublishedAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                json.WriteString("language", a.Language);
            });
            Array(json, "places", batch.Places, p =>
            {
                json.WriteString("key", p.Key);
                json.WriteString("name", p.Name);
                json.WriteString("kind", EnumNames.ToWire(p.Kind));
                Strings(json, "aliases", p.Aliases);
                json.WriteString("containedIn", p.ContainedInKey);
            });
            Array(json, "organisations", batch.Organisations, o =>
            {
                json.WriteString("key", o.Key);
                json.WriteString("name", o.Name);
                json.WriteString("kind", EnumNames.ToWire(o.Kind));
                Strings(json, "aliases", o.Aliases);
                json.WriteString("description", o.Description);
                json.WriteString("country", o.CountryKey);
                json.WriteString("partOf", o.PartOfKey);
            });
            Array(json, "people", batch.People, p =>
            {
                json.WriteString("key", p.Key);
                json.WriteString("name", p.Name);
                Strings(json, "aliases", p.Aliases);
                json.WriteString("description", p.Description);
                Array(json, "affiliations", p.Affiliations, a =>
                {
                    json.WriteString("organisation", a.OrganisationKey);
                    json.WriteString("role", a.Role);
                    if (a.Current is { } current)
                    {
                        json.WriteBoolean("current", current);
                    }
                    else
                    {
                        json.WriteNull("current");
                    }
                });
            });
            Array(json, "negotiations", batch.Negotiations, n =>
            {
                json.WriteString("key", n.Key);
                json.WriteString("name", n.Name);
                json.WriteString("status", EnumNames.ToWire(n.Status));
                json.WriteString("venue", n.VenueKey);
                Strings(json, "parties", n.PartyKeys);
                Array(json, "rounds", n.Rounds, r =>
                {
                    if (r.Number is { } number)
                    {
                        json.WriteNumber("number", number);
                    }
                    else
                    {
                        json.WriteNull("number");
                    }

                    json.WriteString("date", Date(r.Date));
                    json.WriteString("venue", r.VenueKey);
                });
            });
            Array(json, "statements", batch.Statements, s =>
            {
                json.WriteString("key", s.Key);
                json.WriteString("text", s.Text);
                json.WriteString("kind", EnumNames.ToWire(s.Kind));
                json.WriteBoolean("direct", s.Direct);
                if (s.Speaker is { } speaker)
                {
                    json.WriteStartObject("speaker");
                    json.WriteString(speaker.Type == SpeakerType.Person ? "person" : "organisation", speaker.Key);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("speaker");
                }

                json.WriteString("saidAt", s.SaidAtKey);
                json.WriteString("date", Date(s.Date));
                Strings(json, "about", s.AboutKeys);
                json.WriteString("negotiation", s.NegotiationKey);
                json.WriteString("respondsTo", s.RespondsToKey);
                Array(json, "evidence", s.Evidence, e =>
                {
                    json.WriteString("article", e.ArticleKey);
                    json.WriteNumber("start", e.Start);
                    json.WriteNumber("end", e.End);
                    json.WriteString("text", e.Text);
                });
            });
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes every batch as a bundle into <paramref name="directory"/>, in loading order.</summary>
    /// <returns>The bundle files written.</returns>
    public static IReadOnlyList<string> WriteAll(IEnumerable<GraphBatch> batches, string directory)
    {
        ArgumentNullException.ThrowIfNull(batches);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var batch in batches)
        {
            var json = ToBundle(batch, (name, text) => File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false)));
            var file = Path.Combine(directory, $"{files.Count:D4}_bench.json");
            File.WriteAllText(file, json, new UTF8Encoding(false));
            files.Add(file);
        }

        return files;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Array<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, Action<T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
