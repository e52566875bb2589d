using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Domain.Import;

/// <summary>
/// Writes the graph, or one article's part of it, as a bundle in the import format
/// (<c>knowledge-graph/v2</c> with every key and offset given and article texts inline), so that
/// importing it into an empty store gives the same graph: the same ids, counts and answers.
/// </summary>
/// <param name="store">The store's read side.</param>
/// <param name="admin">The store's write side, which lists the keys merged into other records; without it, none are exported.</param>
public sealed class BundleExporter(IGraphStore store, IGraphStoreAdmin? admin = null)
{
    private const int PageSize = 5000;

    /// <summary>Reads the whole graph, with every key merged into another record.</summary>
    public async Task<GraphBatch> ReadAllAsync(CancellationToken cancellationToken) => new(
        await AllAsync<Article>(cancellationToken),
        await AllAsync<Place>(cancellationToken),
        await AllAsync<Organisation>(cancellationToken),
        await AllAsync<Person>(cancellationToken),
        await AllAsync<Negotiation>(cancellationToken),
        await AllAsync<Statement>(cancellationToken))
    {
        Redirects = admin is null ? [] : await admin.ListRedirectsAsync(cancellationToken),
    };

    /// <summary>Reads one article, the statements it gives evidence for (with that article's evidence only) and every record they refer to.</summary>
    /// <returns>The records, or null when no article has the key.</returns>
    public async Task<GraphBatch?> ReadArticleAsync(string articleKey, CancellationToken cancellationToken)
    {
        var article = (await store.GetAsync<Article>([articleKey], cancellationToken)).SingleOrDefault();
        if (article is null)
        {
            return null;
        }

        var statements = new List<Statement>();
        int? after = null;
        while (true)
        {
            var pages = await store.ExpandAsync(Relations.ArticleStatements, [articleKey], null, [], new PageRequest(PageSize, null, after, null, false), cancellationToken);
            var page = pages.TryGetValue(articleKey, out var p) ? p : Page<Statement>.Empty(false);
            statements.AddRange(page.Items);
            if (!page.HasNextPage || page.Items.Count == 0)
            {
                break;
            }

            after = page.Offset + page.Items.Count - 1;
        }

        var inArticle = statements.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        statements = statements.Select(s => s with
        {
            Evidence = s.Evidence.Where(e => string.Equals(e.ArticleKey, articleKey, StringComparison.Ordinal)).ToArray(),

            // A statement answered from outside this article is not part of it.
            RespondsToKey = s.RespondsToKey is { } r && inArticle.Contains(r) ? r : null,
        }).ToList();

        var negotiations = await store.GetAsync<Negotiation>(statements.Select(s => s.NegotiationKey).OfType<string>().Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);
        var people = await store.GetAsync<Person>(statements.Where(s => s.Speaker is { Type: SpeakerType.Person }).Select(s => s.Speaker!.Value.Key).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);

        // Organisations: speakers, parties, affiliations, and the bodies they are part of.
        var organisationKeys = statements.Where(s => s.Speaker is { Type: SpeakerType.Organisation }).Select(s => s.Speaker!.Value.Key)
            .Concat(negotiations.SelectMany(n => n.PartyKeys))
            .Concat(people.SelectMany(p => p.Affiliations.Select(a => a.OrganisationKey)));
        var organisations = await ClosureAsync<Organisation>(organisationKeys, o => o.PartOfKey, cancellationToken);

        // Places: what statements are about or were said at, venues, countries, and every place containing them.
        var placeKeys = statements.SelectMany(s => s.AboutKeys).Concat(statements.Select(s => s.SaidAtKey).OfType<string>())
            .Concat(negotiations.Select(n => n.VenueKey).OfType<string>())
            .Concat(negotiations.SelectMany(n => n.Rounds.Select(r => r.VenueKey).OfType<string>()))
            .Concat(organisations.Select(o => o.CountryKey).OfType<string>());
        var places = await ClosureAsync<Place>(placeKeys, p => p.ContainedInKey, cancellationToken);

        var batch = new GraphBatch([article], places, organisations, people, negotiations, statements);

        // The keys merged into the records exported keep naming them.
        var exported = places.Select(p => p.Id).Concat(organisations.Select(o => o.Id)).Concat(people.Select(p => p.Id))
            .Concat(negotiations.Select(n => n.Id)).Concat(statements.Select(s => s.Id)).ToHashSet();
        return batch with
        {
            Redirects = admin is null ? [] : (await admin.ListRedirectsAsync(cancellationToken)).Where(r => exported.Contains(new Ids.NodeId(r.Type, r.Survivor))).ToArray(),
        };
    }

    /// <summary>Writes records as a bundle.</summary>
    public static async Task WriteAsync(GraphBatch batch, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("format", BundleImporter.FormatV2);

        json.WriteStartArray("articles");
        foreach (var a in batch.Articles.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("key", a.Key);
            Nullable(json, "title", a.Title);
            Nullable(json, "url", a.Url);
            Nullable(json, "publisher", a.Publisher);
            Nullable(json, "syndicator", a.Syndicator);
            Strings(json, "agencies", a.Agencies);
            Nullable(json, "publishedAt", a.PublishedAt is { } at ? Instant(at) : null);
            Nullable(json, "language", a.Language);
            json.WriteString("text", a.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("places");
        foreach (var p in batch.Places.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("key", p.Key);
            json.WriteString("name", p.Name);
            json.WriteString("kind", EnumNames.ToWire(p.Kind));
            Strings(json, "aliases", p.Aliases);
            Nullable(json, "containedIn", p.ContainedInKey);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("organisations");
        foreach (var o in batch.Organisations.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("key", o.Key);
            json.WriteString("name", o.Name);
            json.WriteString("kind", EnumNames.ToWire(o.Kind));
            Strings(json, "aliases", o.Aliases);
            Nullable(json, "description", o.Description);
            Nullable(json, "country", o.CountryKey);
            Nullable(json, "partOf", o.PartOfKey);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("people");
        foreach (var p in batch.People.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("key", p.Key);
            json.WriteString("name", p.Name);
            Strings(json, "aliases", p.Aliases);
            Nullable(json, "description", p.Description);
            json.WriteStartArray("affiliations");
            foreach (var a in p.Affiliations)
            {
                json.WriteStartObject();
                json.WriteString("organisation", a.OrganisationKey);
                Nullable(json, "role", a.Role);
                if (a.Current is { } current)
                {
                    json.WriteBoolean("current", current);
                }
                else
                {
                    json.WriteNull("current");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("negotiations");
        foreach (var n in batch.Negotiations.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("key", n.Key);
            json.WriteString("name", n.Name);
            json.WriteString("status", EnumNames.ToWire(n.Status));
            Strings(json, "aliases", n.Aliases);
            Nullable(json, "venue", n.VenueKey);
            Strings(json, "parties", n.PartyKeys);
            json.WriteStartArray("rounds");
            foreach (var r in n.Rounds)
            {
                json.WriteStartObject();
                if (r.Number is { } number)
                {
                    json.WriteNumber("number", number);
                }
                else
                {
                    json.WriteNull("number");
                }

                Nullable(json, "date", Date(r.Date));
                Nullable(json, "venue", r.VenueKey);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("statements");
        foreach (var s in batch.Statements.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
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

            Nullable(json, "saidAt", s.SaidAtKey);
            Nullable(json, "date", Date(s.Date));
            Strings(json, "about", s.AboutKeys);
            Nullable(json, "negotiation", s.NegotiationKey);
            Nullable(json, "respondsTo", s.RespondsToKey);
            json.WriteStartArray("evidence");
            foreach (var e in s.Evidence)
            {
                json.WriteStartObject();
                json.WriteString("article", e.ArticleKey);
                json.WriteNumber("start", e.Start);
                json.WriteNumber("end", e.End);
                json.WriteString("text", e.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (s.Retraction is { } retraction)
            {
                json.WriteStartObject("retraction");
                json.WriteString("reason", retraction.Reason);
                json.WriteString("at", Instant(retraction.At));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("retraction");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("redirects");
        foreach (var r in batch.Redirects.OrderBy(r => r.Type).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("type", r.Type.ToString());
            json.WriteString("key", r.Key);
            json.WriteString("survivor", r.Survivor);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private async Task<List<T>> AllAsync<T>(CancellationToken cancellationToken)
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

    // The records with these keys and, level by level, every record they point up to.
    private async Task<List<T>> ClosureAsync<T>(IEnumerable<string> keys, Func<T, string?> parent, CancellationToken cancellationToken)
        where T : Node
    {
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        var next = keys.Distinct(StringComparer.Ordinal).ToArray();
        while (next.Length > 0)
        {
            var records = await store.GetAsync<T>(next, cancellationToken);
            foreach (var r in records)
            {
                found[r.Key] = r;
            }

            next = records.Select(parent).OfType<string>().Where(k => !found.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToArray();
        }

        return found.Values.ToList();
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }

    // The import's date-time form: seconds, a fraction only when there is one, and the offset.
    private static string Instant(DateTimeOffset at) =>
        at.ToString(at.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
