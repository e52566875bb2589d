using System.Globalization;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Extraction.Bundles;

namespace KnowledgeGraph.Extraction.Rules;

/// <summary>A statement while it is being read.</summary>
internal sealed class Found
{
    public required int Start { get; set; }

    public required int End { get; set; }

    public required bool Direct { get; init; }

    public required StatementKind Kind { get; set; }

    public required Speaker? Speaker { get; set; }

    public required string Rule { get; init; }

    public required double Confidence { get; set; }

    public List<string> Reasons { get; } = [];

    /// <summary>Where the words around the statement (attribution, leading phrase) lie, for dates and venues.</summary>
    public int ContextStart { get; set; }

    public int ContextEnd { get; set; }

    /// <summary>The words after the reporting verb, for the rules that find what a statement answers.</summary>
    public string ObjectText { get; set; } = "";

    public Found? Main { get; set; }

    public List<string> About { get; set; } = [];

    public string? SaidAt { get; set; }

    public DateOnly? Date { get; set; }

    public string? Negotiation { get; set; }

    public Found? RespondsTo { get; set; }

    public string Key { get; set; } = "";

    public string Text { get; set; } = "";

    public bool Unnamed { get; set; }
}

/// <summary>A resolved speaker.</summary>
internal sealed record Speaker(SpeakerType Type, string Key, string Name, bool IsNew, string Rule, string? CountryCode, string? Role);

/// <summary>Reads one article. Not thread-safe; one instance per extraction.</summary>
internal sealed partial class ArticleReader
{
    private readonly ArticleInput _article;
    private readonly KnownEntities _known;
    private readonly IEntityResolver _resolver;
    private readonly Gazetteer _gazetteer;
    private readonly TextModel _model;
    private readonly string _text;
    private readonly DateOnly? _published;
    private readonly List<Found> _found = [];
    private readonly List<string> _decisions = [];

    private readonly Dictionary<string, DraftPerson> _newPeople = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DraftOrganisation> _newOrganisations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DraftPlace> _newPlaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DraftNegotiation> _newNegotiations = new(StringComparer.Ordinal);

    public ArticleReader(ArticleInput article, KnownEntities known, IEntityResolver resolver, Gazetteer gazetteer)
    {
        _article = article;
        _known = known;
        _resolver = resolver;
        _gazetteer = gazetteer;
        _text = article.Text;
        _model = new TextModel(article.Text);
        _published = article.PublishedAt is { } p ? DateOnly.FromDateTime(p.DateTime) : null;
    }

    public ExtractionResult Read()
    {
        FindPlaces();
        FindPersonMentions();
        // Reported speech first: the speakers it names are what a quote's "the command said" points back to.
        ReadReportedSpeech();
        ReadQuotes();
        ReadAppealLists();
        ReadAccordingTo();
        ReadAgreements();
        var ordered = _found.OrderBy(f => f.Start).ThenBy(f => f.End).ToList();
        _found.Clear();
        _found.AddRange(ordered);
        foreach (var f in _found)
        {
            AssignPlaces(f);
            AssignDate(f);
        }

        AssignResponses();
        AssignNegotiations();
        AssignKeysAndTexts();
        return Build();
    }

    private void Decide(string rule, int offset, string detail) =>
        _decisions.Add(string.Create(CultureInfo.InvariantCulture, $"{rule} @{offset}: {detail}"));

    private ExtractionResult Build()
    {
        var statements = _found.Select(f => new ProposedStatement(
            f.Key, f.Start, f.End, _text[f.Start..f.End], f.Text, f.Kind, f.Direct,
            f.Speaker is { } s ? new ProposedSpeaker(s.Type, s.Key, s.Name, s.IsNew, s.Rule) : null,
            f.About, f.SaidAt, f.Date, f.Negotiation, f.RespondsTo?.Key, f.Rule, f.Confidence, f.Reasons)).ToList();

        // Only the proposed records something refers to go into the draft.
        var usedPlaces = new HashSet<string>(StringComparer.Ordinal);
        var usedOrgs = new HashSet<string>(StringComparer.Ordinal);
        var usedPeople = new HashSet<string>(StringComparer.Ordinal);
        var usedNegotiations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in statements)
        {
            if (s.Speaker is { Type: SpeakerType.Person } p)
            {
                usedPeople.Add(p.Key);
            }
            else if (s.Speaker is { } o)
            {
                usedOrgs.Add(o.Key);
            }

            usedPlaces.UnionWith(s.About);
            if (s.SaidAt is { } at)
            {
                usedPlaces.Add(at);
            }

            if (s.Negotiation is { } n)
            {
                usedNegotiations.Add(n);
            }
        }

        foreach (var person in usedPeople.Where(_newPeople.ContainsKey).Select(k => _newPeople[k]))
        {
            usedOrgs.UnionWith(person.Affiliations.Select(a => a.Organisation));
        }

        foreach (var n in usedNegotiations.Where(_newNegotiations.ContainsKey).Select(k => _newNegotiations[k]))
        {
            if (n.Venue is { } v)
            {
                usedPlaces.Add(v);
            }

            usedPlaces.UnionWith(n.Rounds.Where(r => r.Venue is not null).Select(r => r.Venue!));
        }

        // Organisations' parents and countries, then places' containers, transitively.
        var orgQueue = new Queue<string>(usedOrgs);
        while (orgQueue.TryDequeue(out var key))
        {
            if (_newOrganisations.TryGetValue(key, out var org))
            {
                if (org.Country is { } c)
                {
                    usedPlaces.Add(c);
                }

                if (org.PartOf is { } parent && usedOrgs.Add(parent))
                {
                    orgQueue.Enqueue(parent);
                }
            }
        }

        var placeQueue = new Queue<string>(usedPlaces);
        while (placeQueue.TryDequeue(out var key))
        {
            if (_newPlaces.TryGetValue(key, out var place) && place.ContainedIn is { } parent && usedPlaces.Add(parent))
            {
                placeQueue.Enqueue(parent);
            }
        }

        var draft = new DraftBundle
        {
            // Without a text file beside it, the draft carries the text inline (v2) and imports as it is.
            Format = _article.TextFile is null ? DraftBundle.FormatV2Name : DraftBundle.FormatName,
            Articles =
            [
                new DraftArticle
                {
                    Key = _article.Key,
                    TextFile = _article.TextFile,
                    Text = _article.TextFile is null ? _text : null,
                    Title = _article.Title,
                    Url = _article.Url,
                    Publisher = _article.Publisher,
                    PublishedAt = _article.PublishedAt?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
                    Language = "en",
                },
            ],
            Places = [.. _newPlaces.Values.Where(p => usedPlaces.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal)],
            Organisations = [.. _newOrganisations.Values.Where(o => usedOrgs.Contains(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal)],
            People = [.. _newPeople.Values.Where(p => usedPeople.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal)],
            Negotiations = [.. _newNegotiations.Values.Where(n => usedNegotiations.Contains(n.Key)).OrderBy(n => n.Key, StringComparer.Ordinal)],
            Statements = [.. statements.Select(s => new DraftStatement
            {
                Key = s.Key,
                Text = s.Text,
                Kind = EnumText(s.Kind),
                Direct = s.Direct,
                Speaker = s.Speaker is null ? null
                    : s.Speaker.Type == SpeakerType.Person ? new DraftSpeaker { Person = s.Speaker.Key } : new DraftSpeaker { Organisation = s.Speaker.Key },
                SaidAt = s.SaidAt,
                Date = s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                About = s.About,
                Negotiation = s.Negotiation,
                RespondsTo = s.RespondsTo,
                Evidence = [new DraftEvidence { Article = _article.Key, Start = s.Start, End = s.End, Text = s.SpanText }],
            })],
        };

        return new ExtractionResult(statements, draft, _decisions);
    }

    internal static string EnumText<T>(T value) where T : struct, Enum
    {
        // PascalCase to SCREAMING_SNAKE_CASE, as the bundle spells enums.
        var name = value.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(name[i]));
        }

        return sb.ToString();
    }

    private void AssignKeysAndTexts()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in _found)
        {
            var span = _text[f.Start..f.End];
            f.Text = f.Direct ? QuoteWords(f) : span.Trim();
            var who = f.Speaker?.Name ?? (f.Kind == StatementKind.Agreement ? "parties" : "unnamed");
            var what = f.Direct || f.ObjectText.Length == 0 ? f.Text : f.ObjectText;
            var words = string.Join(' ', what.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(6));
            var baseKey = Names.Slug(who + " " + words);
            if (baseKey.Length > 100)
            {
                baseKey = baseKey[..100].TrimEnd('-');
            }

            var key = baseKey;
            for (var n = 2; !used.Add(key); n++)
            {
                key = baseKey + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            f.Key = key;
        }
    }

    // The quoted words: inside the marks, without the comma that English puts before the closing mark.
    private string QuoteWords(Found f)
    {
        var parts = _model.Quotes.Where(q => q.Start >= f.Start && q.End <= f.End)
            .Select(q => _text[q.InnerStart..q.InnerEnd].Trim().TrimEnd(',').Trim())
            .Select(s => System.Text.RegularExpressions.Regex.Replace(s, "\\s*\\n\\s*[“\"«]?", " "))
            .ToList();
        return parts.Count == 0 ? _text[f.Start..f.End] : string.Join(' ', parts);
    }
}
