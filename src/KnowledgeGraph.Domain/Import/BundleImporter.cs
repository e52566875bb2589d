using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;

namespace KnowledgeGraph.Domain.Import;

/// <summary>
/// Reads a bundle (data/README.md), checks every rule of the format against the bundle and
/// what the store already holds, and merges it all-or-nothing.
/// </summary>
public sealed class BundleImporter(IGraphStore store, IGraphStoreAdmin admin)
{
    /// <summary>The format name a bundle must declare.</summary>
    public const string Format = "knowledge-graph/v1";

    /// <summary>Validates and imports one bundle.</summary>
    /// <param name="source">A name for messages, such as the file name.</param>
    /// <param name="json">The bundle.</param>
    /// <param name="readTextFile">Returns the text of a file named by an article's <c>textFile</c>, or null when absent.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <exception cref="ImportException">The bundle breaks a rule; nothing was written.</exception>
    public async Task<GraphBatch> ImportAsync(
        string source,
        string json,
        Func<string, string?> readTextFile,
        CancellationToken cancellationToken)
    {
        var batch = await ValidateAsync(source, json, readTextFile, cancellationToken);
        await admin.ImportAsync(batch, cancellationToken);
        return batch;
    }

    /// <summary>Validates a bundle without writing anything.</summary>
    /// <exception cref="ImportException">The bundle breaks a rule.</exception>
    public async Task<GraphBatch> ValidateAsync(
        string source,
        string json,
        Func<string, string?> readTextFile,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readTextFile);
        BundleDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, BundleJsonContext.Default.BundleDocument);
        }
        catch (JsonException e)
        {
            var path = e.Path ?? "$";
            var where = e.LineNumber is { } line ? $" (line {line + 1}, column {e.BytePositionInLine + 1})" : string.Empty;
            throw new ImportException(source, [new ImportProblem(path, FirstSentence(e.Message) + where)]);
        }

        if (document is null)
        {
            throw new ImportException(source, [new ImportProblem("$", "The bundle is null; expected an object.")]);
        }

        var reader = new Reader(document, readTextFile);
        reader.ReadAll();

        // References the bundle does not satisfy itself may point at records already stored.
        var external = reader.UnresolvedReferences();
        var existing = external.Count == 0
            ? new HashSet<NodeId>()
            : await admin.ExistingAsync(external.Keys.ToArray(), cancellationToken);
        var storedArticleKeys = reader.EvidenceArticlesOutsideBundle();
        var storedArticles = storedArticleKeys.Count == 0
            ? []
            : await store.GetAsync<Article>(storedArticleKeys, cancellationToken);
        reader.CheckReferences(existing, storedArticles.ToDictionary(a => a.Key, a => a.Text, StringComparer.Ordinal));

        if (reader.Problems.Count > 0)
        {
            throw new ImportException(source, reader.Problems);
        }

        return reader.ToBatch();
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    private sealed class Reader(BundleDocument document, Func<string, string?> readTextFile)
    {
        private readonly List<ImportProblem> _problems = [];
        private readonly List<Article> _articles = [];
        private readonly List<Place> _places = [];
        private readonly List<Organisation> _organisations = [];
        private readonly List<Person> _people = [];
        private readonly List<Negotiation> _negotiations = [];
        private readonly List<Statement> _statements = [];

        // Every reference made, with the path that made it, checked once all records are read.
        private readonly List<(NodeId Target, string Path)> _references = [];
        private readonly HashSet<NodeId> _defined = [];
        private readonly List<(Evidence Evidence, string Path)> _evidence = [];

        public IReadOnlyList<ImportProblem> Problems => _problems;

        public void ReadAll()
        {
            if (!string.Equals(document.Format, Format, StringComparison.Ordinal))
            {
                Problem("$.format", $"Expected \"{Format}\" but found {Quote(document.Format)}.");
            }

            Each(document.Articles, "articles", ReadArticle);
            Each(document.Places, "places", ReadPlace);
            Each(document.Organisations, "organisations", ReadOrganisation);
            Each(document.People, "people", ReadPerson);
            Each(document.Negotiations, "negotiations", ReadNegotiation);
            Each(document.Statements, "statements", ReadStatement);
            CheckContainmentCycles();
        }

        public Dictionary<NodeId, string> UnresolvedReferences()
        {
            var result = new Dictionary<NodeId, string>();
            foreach (var (target, path) in _references)
            {
                if (!_defined.Contains(target))
                {
                    result.TryAdd(target, path);
                }
            }

            return result;
        }

        public IReadOnlyCollection<string> EvidenceArticlesOutsideBundle() =>
            _evidence.Select(e => e.Evidence.ArticleKey)
                .Where(k => !_defined.Contains(new NodeId(NodeType.Article, k)))
                .Distinct(StringComparer.Ordinal)
                .ToArray();

        public void CheckReferences(IReadOnlySet<NodeId> existing, IReadOnlyDictionary<string, string> storedArticleTexts)
        {
            foreach (var (target, path) in _references)
            {
                if (!_defined.Contains(target) && !existing.Contains(target))
                {
                    Problem(path, $"No {target.Type.ToString().ToLowerInvariant()} has the key \"{target.Key}\" in this bundle or in the store.");
                }
            }

            var texts = _articles.ToDictionary(a => a.Key, a => a.Text, StringComparer.Ordinal);
            foreach (var (key, text) in storedArticleTexts)
            {
                texts.TryAdd(key, text);
            }

            foreach (var (evidence, path) in _evidence)
            {
                if (!texts.TryGetValue(evidence.ArticleKey, out var text))
                {
                    continue; // already reported as an unknown reference
                }

                if (evidence.Start < 0 || evidence.End > text.Length || evidence.Start >= evidence.End)
                {
                    Problem(path, $"The span [{evidence.Start}, {evidence.End}) is not inside the article text (length {text.Length}); expected 0 <= start < end <= length.");
                    continue;
                }

                var actual = text[evidence.Start..evidence.End];
                if (!string.Equals(actual, evidence.Text, StringComparison.Ordinal))
                {
                    var found = text.IndexOf(evidence.Text, StringComparison.Ordinal);
                    var hint = found >= 0 ? $" That text is found at [{found}, {found + evidence.Text.Length})." : string.Empty;
                    Problem(path + ".text", $"Does not match the article at [{evidence.Start}, {evidence.End}), which reads {Quote(Shorten(actual))}.{hint}");
                }
            }
        }

        public GraphBatch ToBatch() => new(_articles, _places, _organisations, _people, _negotiations, _statements);

        private void ReadArticle(ArticleDocument a, string path)
        {
            var key = Key(a.Key, path, NodeType.Article);
            string? text = null;
            if (string.IsNullOrEmpty(a.TextFile))
            {
                Problem(path + ".textFile", "Required: the file beside the bundle that holds the article text.");
            }
            else if (a.TextFile.Contains('/', StringComparison.Ordinal) || a.TextFile.Contains('\\', StringComparison.Ordinal) || a.TextFile.StartsWith('.'))
            {
                Problem(path + ".textFile", $"{Quote(a.TextFile)} must be a plain file name beside the bundle.");
            }
            else
            {
                text = readTextFile(a.TextFile);
                if (text is null)
                {
                    Problem(path + ".textFile", $"The file {Quote(a.TextFile)} does not exist beside the bundle.");
                }
            }

            DateTimeOffset? publishedAt = null;
            if (a.PublishedAt is not null)
            {
                if (DateTimeOffset.TryParseExact(a.PublishedAt, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    && (a.PublishedAt.EndsWith('Z') || a.PublishedAt.Length > 19 && a.PublishedAt[^6] is '+' or '-'))
                {
                    publishedAt = parsed;
                }
                else
                {
                    Problem(path + ".publishedAt", $"{Quote(a.PublishedAt)} is not an ISO 8601 date-time with an offset, such as 2025-06-08T10:00:00+05:30.");
                }
            }

            if (key is not null && text is not null)
            {
                _articles.Add(new Article(key, a.Title, a.Url, a.Publisher, a.Syndicator, Strings(a.Agencies, path + ".agencies"), publishedAt, a.Language, text));
            }
        }

        private void ReadPlace(PlaceDocument p, string path)
        {
            var key = Key(p.Key, path, NodeType.Place);
            var name = Required(p.Name, path + ".name");
            var kind = EnumValue<PlaceKind>(p.Kind, path + ".kind");
            Reference(p.ContainedIn, NodeType.Place, path + ".containedIn");
            if (key is not null && string.Equals(key, p.ContainedIn, StringComparison.Ordinal))
            {
                Problem(path + ".containedIn", "A place cannot contain itself.");
            }

            if (key is not null && name is not null && kind is { } k)
            {
                _places.Add(new Place(key, name, k, Strings(p.Aliases, path + ".aliases"), p.ContainedIn));
            }
        }

        private void ReadOrganisation(OrganisationDocument o, string path)
        {
            var key = Key(o.Key, path, NodeType.Organisation);
            var name = Required(o.Name, path + ".name");
            var kind = EnumValue<OrganisationKind>(o.Kind, path + ".kind");
            Reference(o.Country, NodeType.Place, path + ".country");
            Reference(o.PartOf, NodeType.Organisation, path + ".partOf");
            if (key is not null && name is not null && kind is { } k)
            {
                _organisations.Add(new Organisation(key, name, k, Strings(o.Aliases, path + ".aliases"), o.Description, o.Country, o.PartOf));
            }
        }

        private void ReadPerson(PersonDocument p, string path)
        {
            var key = Key(p.Key, path, NodeType.Person);
            var name = Required(p.Name, path + ".name");
            var affiliations = new List<Affiliation>();
            var seen = new HashSet<(string, string?)>();
            for (var i = 0; i < (p.Affiliations?.Count ?? 0); i++)
            {
                var a = p.Affiliations![i];
                var at = $"{path}.affiliations[{i}]";
                if (a is null)
                {
                    Problem(at, "Expected an object.");
                    continue;
                }

                if (Reference(a.Organisation, NodeType.Organisation, at + ".organisation", required: true) is { } org)
                {
                    if (!seen.Add((org, a.Role)))
                    {
                        Problem(at, $"Repeats the affiliation with \"{org}\" as {Quote(a.Role)}.");
                    }

                    affiliations.Add(new Affiliation(key ?? string.Empty, org, a.Role, a.Current));
                }
            }

            if (key is not null && name is not null)
            {
                _people.Add(new Person(key, name, Strings(p.Aliases, path + ".aliases"), p.Description, affiliations));
            }
        }

        private void ReadNegotiation(NegotiationDocument n, string path)
        {
            var key = Key(n.Key, path, NodeType.Negotiation);
            var name = Required(n.Name, path + ".name");
            var status = EnumValue<NegotiationStatus>(n.Status, path + ".status");
            Reference(n.Venue, NodeType.Place, path + ".venue");
            var parties = new List<string>();
            for (var i = 0; i < (n.Parties?.Count ?? 0); i++)
            {
                if (Reference(n.Parties![i], NodeType.Organisation, $"{path}.parties[{i}]", required: true) is { } party)
                {
                    if (parties.Contains(party, StringComparer.Ordinal))
                    {
                        Problem($"{path}.parties[{i}]", $"Repeats the party \"{party}\".");
                    }
                    else
                    {
                        parties.Add(party);
                    }
                }
            }

            var rounds = new List<NegotiationRound>();
            for (var i = 0; i < (n.Rounds?.Count ?? 0); i++)
            {
                var r = n.Rounds![i];
                var at = $"{path}.rounds[{i}]";
                if (r is null)
                {
                    Problem(at, "Expected an object.");
                    continue;
                }

                if (r.Number is <= 0)
                {
                    Problem(at + ".number", "A round number starts at 1.");
                }

                Reference(r.Venue, NodeType.Place, at + ".venue");
                rounds.Add(new NegotiationRound(r.Number, Date(r.Date, at + ".date"), r.Venue));
            }

            if (key is not null && name is not null && status is { } s)
            {
                _negotiations.Add(new Negotiation(key, name, s, n.Venue, parties, rounds));
            }
        }

        private void ReadStatement(StatementDocument s, string path)
        {
            var key = Key(s.Key, path, NodeType.Statement);
            var text = Required(s.Text, path + ".text");
            var kind = EnumValue<StatementKind>(s.Kind, path + ".kind");
            if (s.Direct is null)
            {
                Problem(path + ".direct", "Required: true for a verbatim quote, false for reported speech.");
            }

            SpeakerRef? speaker = null;
            if (s.Speaker is { } sp)
            {
                if ((sp.Person is null) == (sp.Organisation is null))
                {
                    Problem(path + ".speaker", "Name exactly one of \"person\" or \"organisation\" (or make the speaker null when unnamed).");
                }
                else if (sp.Person is not null)
                {
                    speaker = Reference(sp.Person, NodeType.Person, path + ".speaker.person") is { } k ? new SpeakerRef(SpeakerType.Person, k) : null;
                }
                else
                {
                    speaker = Reference(sp.Organisation, NodeType.Organisation, path + ".speaker.organisation") is { } k ? new SpeakerRef(SpeakerType.Organisation, k) : null;
                }
            }

            Reference(s.SaidAt, NodeType.Place, path + ".saidAt");
            Reference(s.Negotiation, NodeType.Negotiation, path + ".negotiation");
            Reference(s.RespondsTo, NodeType.Statement, path + ".respondsTo");
            if (key is not null && string.Equals(key, s.RespondsTo, StringComparison.Ordinal))
            {
                Problem(path + ".respondsTo", "A statement cannot respond to itself.");
            }

            var about = new List<string>();
            for (var i = 0; i < (s.About?.Count ?? 0); i++)
            {
                if (Reference(s.About![i], NodeType.Place, $"{path}.about[{i}]", required: true) is { } place)
                {
                    if (about.Contains(place, StringComparer.Ordinal))
                    {
                        Problem($"{path}.about[{i}]", $"Repeats the place \"{place}\".");
                    }
                    else
                    {
                        about.Add(place);
                    }
                }
            }

            var evidence = new List<Evidence>();
            if (s.Evidence is not { Count: > 0 })
            {
                Problem(path + ".evidence", "A statement needs at least one evidence span: a statement without evidence is a rumour.");
            }

            for (var i = 0; i < (s.Evidence?.Count ?? 0); i++)
            {
                var e = s.Evidence![i];
                var at = $"{path}.evidence[{i}]";
                if (e is null)
                {
                    Problem(at, "Expected an object.");
                    continue;
                }

                var article = Reference(e.Article, NodeType.Article, at + ".article", required: true);
                if (e.Start is null || e.End is null)
                {
                    Problem(at, "Required: \"start\" and \"end\", UTF-16 offsets into the article text.");
                }

                if (e.Text is null)
                {
                    Problem(at + ".text", "Required: the exact article text of the span.");
                }

                if (article is not null && evidence.Any(x => string.Equals(x.ArticleKey, article, StringComparison.Ordinal)))
                {
                    Problem(at + ".article", $"A second evidence entry for article \"{article}\"; each article gives one span per statement.");
                    continue;
                }

                if (article is not null && e.Start is { } start && e.End is { } end && e.Text is { } spanText)
                {
                    var item = new Evidence(article, start, end, spanText);
                    evidence.Add(item);
                    _evidence.Add((item, at));
                }
            }

            if (key is not null && text is not null && kind is { } k2 && s.Direct is { } direct)
            {
                _statements.Add(new Statement(key, text, k2, direct, speaker, s.SaidAt, Date(s.Date, path + ".date"), about, s.Negotiation, s.RespondsTo, evidence));
            }
        }

        private void CheckContainmentCycles()
        {
            var parent = _places.Where(p => p.ContainedInKey is not null)
                .GroupBy(p => p.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().ContainedInKey!, StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < _places.Count; i++)
            {
                var start = _places[i].Key;
                var seen = new HashSet<string>(StringComparer.Ordinal) { start };
                var current = start;
                while (parent.TryGetValue(current, out var next))
                {
                    if (!seen.Add(next))
                    {
                        // Report a cycle once, at the first of its places in the bundle.
                        if (string.Equals(next, start, StringComparison.Ordinal) && !reported.Contains(start))
                        {
                            reported.UnionWith(seen);
                            Problem(PathOf("places", document.Places!.FindIndex(p => string.Equals(p?.Key, start, StringComparison.Ordinal))) + ".containedIn",
                                $"Containment is a cycle: {string.Join(" → ", seen)} → {start}.");
                        }

                        break;
                    }

                    current = next;
                }
            }
        }

        private void Each<T>(List<T>? items, string name, Action<T, string> read)
            where T : class
        {
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                var item = items![i];
                if (item is null)
                {
                    Problem(PathOf(name, i), "Expected an object.");
                    continue;
                }

                read(item, PathOf(name, i));
            }
        }

        private static string PathOf(string name, int index) => $"$.{name}[{index}]";

        private string? Key(string? key, string path, NodeType type)
        {
            if (!Slug.IsValid(key))
            {
                Problem(path + ".key", $"{Quote(key)} is not a key: expected a slug matching {Slug.Pattern}, at most {Slug.MaxLength} characters.");
                return null;
            }

            if (!_defined.Add(new NodeId(type, key!)))
            {
                Problem(path + ".key", $"The {type.ToString().ToLowerInvariant()} key \"{key}\" is defined twice in this bundle.");
                return null;
            }

            return key;
        }

        private string? Reference(string? key, NodeType type, string path, bool required = false)
        {
            if (key is null)
            {
                if (required)
                {
                    Problem(path, $"Required: a {type.ToString().ToLowerInvariant()} key.");
                }

                return null;
            }

            if (!Slug.IsValid(key))
            {
                Problem(path, $"{Quote(key)} is not a key: expected a slug matching {Slug.Pattern}.");
                return null;
            }

            _references.Add((new NodeId(type, key), path));
            return key;
        }

        private string? Required(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(path, "Required: a non-empty string.");
                return null;
            }

            return value;
        }

        private T? EnumValue<T>(string? value, string path)
            where T : struct, Enum
        {
            if (EnumNames.TryFromWire<T>(value, out var parsed))
            {
                return parsed;
            }

            var allowed = string.Join(", ", Enum.GetValues<T>().Select(v => EnumNames.ToWire(v)));
            Problem(path, $"{Quote(value)} is not a {typeof(T).Name}; expected one of {allowed}.");
            return null;
        }

        private DateOnly? Date(string? value, string path)
        {
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Problem(path, $"{Quote(value)} is not a date; expected YYYY-MM-DD.");
            return null;
        }

        private IReadOnlyList<string> Strings(List<string>? values, string path)
        {
            if (values is null)
            {
                return [];
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(values[i]))
                {
                    Problem($"{path}[{i}]", "Expected a non-empty string.");
                }
            }

            return values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();
        }

        private void Problem(string path, string message) => _problems.Add(new ImportProblem(path, message));

        private static string Quote(string? value) => value is null ? "null" : $"\"{value}\"";

        private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "…";
    }
}
