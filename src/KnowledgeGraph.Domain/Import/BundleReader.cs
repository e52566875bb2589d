using System.Globalization;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Domain.Import;

/// <summary>
/// Maps a bundle's wire shape onto domain records and checks the rules that need nothing but
/// the bundle: keys, required values, enums, dates, repeats. References and evidence are
/// collected for <see cref="ReferenceCheck"/>, which needs the store.
/// </summary>
internal sealed class BundleReader(BundleDocument document, Func<string, string?> readTextFile)
{
    // Version 2 is the hand-written form: keys may be left out (derived from names) and
    // references may be names; evidence may give only its text (offsets are then found).
    private readonly bool _v2 = string.Equals(document.Format, BundleImporter.FormatV2, StringComparison.Ordinal);

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
    private readonly List<(List<Evidence> Owner, int Index, string Path)> _unlocated = [];

    /// <summary>Every problem found so far, in document order; the checks that follow add theirs.</summary>
    public List<ImportProblem> Problems => _problems;

    /// <summary>Every reference made, with the path that made it.</summary>
    public IReadOnlyList<(NodeId Target, string Path)> References => _references;

    /// <summary>The records this bundle defines.</summary>
    public IReadOnlySet<NodeId> Defined => _defined;

    /// <summary>Every evidence span read, with its path.</summary>
    public IReadOnlyList<(Evidence Evidence, string Path)> Evidence => _evidence;

    /// <summary>Evidence given only by its text, whose offsets are still to be found: the list holding it, its index, its path.</summary>
    public IReadOnlyList<(List<Evidence> Owner, int Index, string Path)> Unlocated => _unlocated;

    /// <summary>The articles read, with their texts.</summary>
    public IReadOnlyList<Article> Articles => _articles;

    public void ReadAll()
    {
        if (!string.Equals(document.Format, BundleImporter.Format, StringComparison.Ordinal) && !_v2)
        {
            Problem("$.format", $"Expected \"{BundleImporter.Format}\" or \"{BundleImporter.FormatV2}\" but found {Quote(document.Format)}.");
        }

        Each(document.Articles, "articles", ReadArticle);
        Each(document.Places, "places", ReadPlace);
        Each(document.Organisations, "organisations", ReadOrganisation);
        Each(document.People, "people", ReadPerson);
        Each(document.Negotiations, "negotiations", ReadNegotiation);
        Each(document.Statements, "statements", ReadStatement);
        Each(document.Redirects, "redirects", ReadRedirect);
        ContainmentCheck.Check(_places, PathOfPlace, _problems);
    }

    public GraphBatch ToBatch() => new(_articles, _places, _organisations, _people, _negotiations, _statements) { Redirects = _redirects };

    /// <summary>The keys merged into other records, with the paths that give them.</summary>
    public IReadOnlyList<Redirect> Redirects => _redirects;

    private readonly List<Redirect> _redirects = [];

    private void ReadRedirect(RedirectDocument r, string path)
    {
        NodeType? type = Enum.TryParse<NodeType>(r.Type, ignoreCase: false, out var t) && t != NodeType.Article && Enum.IsDefined(t) && !int.TryParse(r.Type, out _) ? t : null;
        if (type is null)
        {
            Problem(path + ".type", $"{Quote(r.Type)} is not a type whose records can be merged; expected one of Person, Organisation, Place, Negotiation, Statement.");
        }

        if (!Slug.IsValid(r.Key))
        {
            Problem(path + ".key", $"{Quote(r.Key)} is not a key: expected a slug matching {Slug.Pattern}, at most {Slug.MaxLength} characters.");
        }

        var survivor = type is { } ty ? Reference(r.Survivor, ty, path + ".survivor", required: true) : null;
        if (type is not { } known || survivor is null || !Slug.IsValid(r.Key))
        {
            return;
        }

        var id = new NodeId(known, r.Key!);
        if (string.Equals(r.Key, survivor, StringComparison.Ordinal))
        {
            Problem(path + ".survivor", $"A key cannot be merged into itself (\"{r.Key}\").");
        }
        else if (_defined.Contains(id))
        {
            Problem(path + ".key", $"The {known.ToString().ToLowerInvariant()} \"{r.Key}\" is a record of this bundle; a merged key names no record.");
        }
        else if (_redirects.Any(x => x.Id == id))
        {
            Problem(path + ".key", $"The {known.ToString().ToLowerInvariant()} key \"{r.Key}\" is redirected twice in this bundle.");
        }
        else
        {
            _redirects.Add(new Redirect(known, r.Key!, survivor));
        }
    }

    private Retraction? ReadRetraction(RetractionDocument? r, string path)
    {
        if (r is null)
        {
            return null;
        }

        var reason = Required(r.Reason, path + ".reason");
        if (reason is not null && reason.Length > MaxReasonLength)
        {
            Problem(path + ".reason", $"The reason is {reason.Length} characters long; at most {MaxReasonLength} are allowed.");
            reason = null;
        }

        var at = Instant(r.At, path + ".at", required: true);
        return reason is not null && at is { } when ? new Retraction(reason, when) : null;
    }

    /// <summary>The longest retraction reason, as retractStatement allows.</summary>
    internal const int MaxReasonLength = 2000;

    private DateTimeOffset? Instant(string? value, string path, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Problem(path, "Required: an ISO 8601 date-time with an offset.");
            }

            return null;
        }

        if (DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && (value.EndsWith('Z') || value.Length > 19 && value[^6] is '+' or '-'))
        {
            return parsed;
        }

        Problem(path, $"{Quote(value)} is not an ISO 8601 date-time with an offset, such as 2025-06-08T10:00:00+05:30.");
        return null;
    }

    private void ReadArticle(ArticleDocument a, string path)
    {
        var key = Key(a.Key, path, NodeType.Article, a.Title ?? a.Url ?? (a.TextFile is { } file ? Path.GetFileNameWithoutExtension(file) : null));
        string? text = null;
        if (_v2 && a.Text is not null)
        {
            text = a.Text;
            if (a.TextFile is not null)
            {
                Problem(path + ".textFile", "Give the article text either inline (\"text\") or in a file (\"textFile\"), not both.");
            }
        }
        else if (a.Text is not null)
        {
            Problem(path + ".text", $"Inline article text needs the format \"{BundleImporter.FormatV2}\"; in \"{BundleImporter.Format}\" use \"textFile\".");
        }
        else if (string.IsNullOrEmpty(a.TextFile))
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
        var key = Key(p.Key, path, NodeType.Place, p.Name);
        var name = Required(p.Name, path + ".name");
        var kind = EnumValue<PlaceKind>(p.Kind, path + ".kind");
        var containedIn = Reference(p.ContainedIn, NodeType.Place, path + ".containedIn");
        if (key is not null && string.Equals(key, containedIn, StringComparison.Ordinal))
        {
            _problems.Add(new ImportProblem(path + ".containedIn", "A place cannot contain itself.") { Cycle = [key] });
        }

        if (key is not null && name is not null && kind is { } k)
        {
            _places.Add(new Place(key, name, k, Strings(p.Aliases, path + ".aliases"), containedIn));
        }
    }

    private void ReadOrganisation(OrganisationDocument o, string path)
    {
        var key = Key(o.Key, path, NodeType.Organisation, o.Name);
        var name = Required(o.Name, path + ".name");
        var kind = EnumValue<OrganisationKind>(o.Kind, path + ".kind");
        var country = Reference(o.Country, NodeType.Place, path + ".country");
        var partOf = Reference(o.PartOf, NodeType.Organisation, path + ".partOf");
        if (key is not null && name is not null && kind is { } k)
        {
            _organisations.Add(new Organisation(key, name, k, Strings(o.Aliases, path + ".aliases"), o.Description, country, partOf));
        }
    }

    private void ReadPerson(PersonDocument p, string path)
    {
        var key = Key(p.Key, path, NodeType.Person, p.Name);
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
        var key = Key(n.Key, path, NodeType.Negotiation, n.Name);
        var name = Required(n.Name, path + ".name");
        var status = EnumValue<NegotiationStatus>(n.Status, path + ".status");
        var venue = Reference(n.Venue, NodeType.Place, path + ".venue");
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

            var roundVenue = Reference(r.Venue, NodeType.Place, at + ".venue");
            rounds.Add(new NegotiationRound(r.Number, Date(r.Date, at + ".date"), roundVenue));
        }

        if (key is not null && name is not null && status is { } s)
        {
            _negotiations.Add(new Negotiation(key, name, s, venue, parties, rounds) { Aliases = Strings(n.Aliases, path + ".aliases") });
        }
    }

    private void ReadStatement(StatementDocument s, string path)
    {
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

        // A statement has no name: its derived key is the speaker's key and its first words.
        var key = Key(s.Key, path, NodeType.Statement, text is null ? null : string.Join(' ', (speaker?.Key ?? "unnamed").Split('-').Concat(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(10))));
        var saidAt = Reference(s.SaidAt, NodeType.Place, path + ".saidAt");
        var negotiation = Reference(s.Negotiation, NodeType.Negotiation, path + ".negotiation");
        var respondsTo = Reference(s.RespondsTo, NodeType.Statement, path + ".respondsTo");
        if (key is not null && string.Equals(key, respondsTo, StringComparison.Ordinal))
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
            var locate = _v2 && e.Start is null && e.End is null;
            if ((e.Start is null || e.End is null) && !locate)
            {
                Problem(at, _v2
                    ? "Give both \"start\" and \"end\", or neither (the text is then looked up in the article)."
                    : "Required: \"start\" and \"end\", UTF-16 offsets into the article text.");
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

            if (locate && article is not null && e.Text is { Length: > 0 } quoted)
            {
                var item = new Evidence(article, -1, -1, quoted);
                evidence.Add(item);
                _unlocated.Add((evidence, evidence.Count - 1, at));
            }
            else if (article is not null && e.Start is { } start && e.End is { } end && e.Text is { } spanText)
            {
                var item = new Evidence(article, start, end, spanText);
                evidence.Add(item);
                _evidence.Add((item, at));
            }
        }

        if (key is not null && text is not null && kind is { } k2 && s.Direct is { } direct)
        {
            _statements.Add(new Statement(key, text, k2, direct, speaker, saidAt, Date(s.Date, path + ".date"), about, negotiation, respondsTo, evidence)
            {
                Retraction = ReadRetraction(s.Retraction, path + ".retraction"),
            });
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

    private string PathOfPlace(string key) =>
        PathOf("places", document.Places!.FindIndex(p => string.Equals(p?.Key, key, StringComparison.Ordinal)));

    private string? Key(string? key, string path, NodeType type, string? derivedFrom)
    {
        if (key is null && _v2)
        {
            key = derivedFrom is null ? null : Resolution.NameNormalizer.SlugOf(derivedFrom);
            if (key is null)
            {
                Problem(path + ".key", $"No key given, and none can be made from {Quote(derivedFrom)}: give a key, or a name with letters or digits.");
                return null;
            }
        }

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

        if (_v2 && !Slug.IsValid(key))
        {
            // Version 2 may refer by name: the name's derived key, resolved like a key.
            key = Resolution.NameNormalizer.SlugOf(key) ?? key;
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

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            Problem(path, "Contains a NUL character (U+0000), which no name or text may hold.");
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

    internal static string Quote(string? value) => value is null ? "null" : $"\"{value}\"";
}
