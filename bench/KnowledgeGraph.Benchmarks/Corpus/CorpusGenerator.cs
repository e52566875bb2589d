using System.Globalization;
using System.Text;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Benchmarks.Corpus;

/// <summary>
/// A deterministic synthetic news corpus: countries → regions → towns, organisations, people
/// with affiliations, negotiations with rounds, and articles whose text carries every statement
/// at the exact offsets of its evidence. The same shape and seed give the same corpus, byte for
/// byte, on every machine.
/// </summary>
/// <remarks>
/// The reference records (places, organisations, people, negotiations) are small and made up
/// front, so that their keys are known without generating the statements. Statements and their
/// articles come in chunks, each from its own random stream, so a chunk is independent of the
/// others and only one chunk is ever in memory.
/// <para>
/// Some facts are fixed by design, not left to chance, because the benchmark relies on them:
/// statement <c>i</c> is about town <c>i mod towns</c> (so every town has statements once there
/// are as many statements as towns); it is spoken by an organisation when <c>i mod 3 = 1</c>,
/// by nobody named when <c>i mod 10 = 9</c>, and by a person otherwise (so any three towns of
/// any region already hold both kinds of speaker).
/// </para>
/// </remarks>
internal sealed class CorpusGenerator
{
    private static readonly DateOnly FirstDay = new(2023, 1, 1);
    private const int DaysCovered = 730;

    private static readonly StatementKind[] Kinds = Enum.GetValues<StatementKind>();
    private static readonly NegotiationStatus[] Statuses = Enum.GetValues<NegotiationStatus>();

    private readonly ulong _seed;
    private readonly Place[] _countries;
    private readonly Place[] _regions;
    private readonly Place[] _towns;
    private readonly Organisation[] _organisations;
    private readonly Person[] _people;
    private readonly Negotiation[] _negotiations;

    public CorpusGenerator(CorpusShape shape, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        Seed = seed;
        _seed = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 1;
        var random = new DeterministicRandom(_seed);

        _countries = new Place[CorpusShape.Countries];
        for (var c = 0; c < _countries.Length; c++)
        {
            var name = Vocabulary.MadeUpName(random) + "ia";
            _countries[c] = new Place(Key("country", c, 2, name), name, PlaceKind.Country, [name.ToUpperInvariant()[..3]], null);
        }

        _regions = new Place[CorpusShape.Regions];
        for (var r = 0; r < _regions.Length; r++)
        {
            var name = Vocabulary.MadeUpName(random) + " Oblast";
            _regions[r] = new Place(Key("region", r, 3, name), name, PlaceKind.Region, [name[..^7] + " region"], _countries[CorpusShape.CountryOfRegion(r)].Key);
        }

        _towns = new Place[shape.Towns];
        for (var t = 0; t < _towns.Length; t++)
        {
            var name = Vocabulary.MadeUpName(random);
            _towns[t] = new Place(Key("town", t, 5, name), name, random.Chance(20) ? PlaceKind.Village : PlaceKind.Town, [], _regions[shape.RegionOfTown(t)].Key);
        }

        _organisations = new Organisation[shape.Organisations];
        for (var o = 0; o < _organisations.Length; o++)
        {
            _organisations[o] = MakeOrganisation(o, random);
        }

        _people = new Person[shape.People];
        for (var p = 0; p < _people.Length; p++)
        {
            _people[p] = MakePerson(p, random);
        }

        _negotiations = new Negotiation[shape.Negotiations];
        for (var n = 0; n < _negotiations.Length; n++)
        {
            _negotiations[n] = MakeNegotiation(n, random);
        }
    }

    public CorpusShape Shape { get; }

    public int Seed { get; }

    /// <summary>What the batches handed out so far hold.</summary>
    public CorpusCounts Counts { get; } = new();

    public IReadOnlyList<Place> Countries => _countries;

    public IReadOnlyList<Place> Regions => _regions;

    public IReadOnlyList<Place> Towns => _towns;

    public IReadOnlyList<Organisation> Organisations => _organisations;

    public IReadOnlyList<Person> People => _people;

    public static string StatementKey(int index) => "statement-" + index.ToString("D7", CultureInfo.InvariantCulture);

    public static string ArticleKey(int index) => "article-" + index.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>
    /// The whole corpus as import batches: the reference records first, then statements with
    /// their articles, <paramref name="chunkStatements"/> statements at a time (rounded to whole
    /// articles). Enumerate it once; <see cref="Counts"/> grows as it goes.
    /// </summary>
    public IEnumerable<GraphBatch> Batches(int chunkStatements)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkStatements);
        var places = _countries.Concat(_regions).Concat(_towns).ToArray();
        Counts.Places += places.Length;
        Counts.Organisations += _organisations.Length;
        Counts.People += _people.Length;
        Counts.Affiliations += _people.Sum(p => p.Affiliations.Count);
        Counts.Negotiations += _negotiations.Length;
        Counts.NegotiationParties += _negotiations.Sum(n => n.PartyKeys.Count);
        Counts.NegotiationRounds += _negotiations.Sum(n => n.Rounds.Count);
        yield return new GraphBatch([], places, _organisations, _people, _negotiations, []);

        var articlesPerChunk = Math.Max(1, chunkStatements / CorpusShape.StatementsPerArticle);
        for (var firstArticle = 0; firstArticle < Shape.Articles; firstArticle += articlesPerChunk)
        {
            yield return Chunk(firstArticle, Math.Min(Shape.Articles, firstArticle + articlesPerChunk));
        }
    }

    /// <summary>The statements of articles [<paramref name="firstArticle"/>, <paramref name="endArticle"/>) and those articles.</summary>
    private GraphBatch Chunk(int firstArticle, int endArticle)
    {
        var random = new DeterministicRandom(_seed ^ ((ulong)(firstArticle + 1) * 0xD1B54A32D192ED03UL));
        var firstStatement = firstArticle * CorpusShape.StatementsPerArticle;
        var endStatement = Math.Min(Shape.Statements, endArticle * CorpusShape.StatementsPerArticle);

        // First what each statement says and who says it; then the articles that carry them,
        // whose text fixes the offsets; then the statements with their evidence.
        var drafts = new Draft[endStatement - firstStatement];
        for (var i = firstStatement; i < endStatement; i++)
        {
            drafts[i - firstStatement] = Draft.Make(this, i, random);
        }

        var articles = new List<Article>(endArticle - firstArticle);
        var evidence = new List<Evidence>[drafts.Length];
        for (var a = firstArticle; a < endArticle; a++)
        {
            var carried = new List<int>();
            for (var i = a * CorpusShape.StatementsPerArticle; i < Math.Min(endStatement, (a + 1) * CorpusShape.StatementsPerArticle); i++)
            {
                carried.Add(i);
            }

            // A statement with i mod 9 = 4 is also reported by the next article of the chunk:
            // one statement with two evidence entries, as the import format wants it.
            if (a > firstArticle)
            {
                for (var i = (a - 1) * CorpusShape.StatementsPerArticle; i < a * CorpusShape.StatementsPerArticle; i++)
                {
                    if (i % 9 == 4)
                    {
                        carried.Add(i);
                    }
                }
            }

            articles.Add(WriteArticle(a, carried, drafts, firstStatement, evidence, random));
        }

        var statements = new Statement[drafts.Length];
        for (var k = 0; k < drafts.Length; k++)
        {
            var d = drafts[k];
            statements[k] = new Statement(
                StatementKey(d.Index), d.Text, d.Kind, d.Direct, d.Speaker, d.SaidAt, d.Date, d.About, d.Negotiation, d.RespondsTo, evidence[k]);
            Counts.StatementAbout += d.About.Count;
            Counts.Evidence += evidence[k].Count;
            Counts.Responses += d.RespondsTo is null ? 0 : 1;
        }

        Counts.Statements += statements.Length;
        Counts.Articles += articles.Count;
        Counts.ArticleCharacters += articles.Sum(a => (long)a.Text.Length);
        return new GraphBatch(articles, [], [], [], [], statements);
    }

    private Article WriteArticle(int index, List<int> carried, Draft[] drafts, int firstStatement, List<Evidence>[] evidence, DeterministicRandom random)
    {
        var key = ArticleKey(index);
        var text = new StringBuilder(256 + carried.Count * 160);
        var headline = $"{random.Pick(Vocabulary.Subjects)} {random.Pick(Vocabulary.Predicates)}";
        text.Append(headline).Append(".\n\n");
        var primary = true;
        for (var n = 0; n < carried.Count; n++)
        {
            var k = carried[n] - firstStatement;
            var d = drafts[k];
            primary &= d.Index / CorpusShape.StatementsPerArticle == index;
            if (random.Chance(40))
            {
                text.Append(random.Pick(Vocabulary.Fillers)).Append(' ');
            }

            if (!primary)
            {
                text.Append("As reported earlier, ");
            }

            // Direct: the quote with its quotation marks is the span. Reported: the whole sentence.
            int start, end;
            if (d.Direct)
            {
                text.Append(d.SpeakerLabel).Append(' ').Append(d.Verb).Append(": ");
                start = text.Length;
                text.Append('“').Append(d.Text).Append('”');
                end = text.Length;
                text.Append(".\n");
            }
            else
            {
                start = text.Length;
                text.Append(d.SpeakerLabel).Append(' ').Append(d.Verb).Append(" that ")
                    .Append(char.ToLowerInvariant(d.Text[0])).Append(d.Text, 1, d.Text.Length - 1).Append('.');
                end = text.Length;
                text.Append('\n');
            }

            (evidence[k] ??= []).Add(new Evidence(key, start, end, text.ToString(start, end - start)));
        }

        text.Append(random.Pick(Vocabulary.Fillers));
        var day = FirstDay.AddDays(DayOf(index * CorpusShape.StatementsPerArticle) + 1);
        return new Article(
            key,
            headline,
            $"https://news.example/{key}",
            random.Pick(Vocabulary.Publishers),
            index % 5 == 0 ? "Wire Digest" : null,
            index % 3 == 0 ? [random.Pick(Vocabulary.Agencies)] : [],
            index % 17 == 16 ? null : new DateTimeOffset(day.ToDateTime(new TimeOnly(8, index % 60)), TimeSpan.FromHours(2)),
            "en",
            text.ToString());
    }

    private int DayOf(int statementIndex) => (int)((long)statementIndex * DaysCovered / Shape.Statements);

    private Organisation MakeOrganisation(int o, DeterministicRandom random)
    {
        const int c = CorpusShape.Countries;
        if (o < 3 * c)
        {
            var country = _countries[o % c];
            var government = o < c ? null : Key("org", o % c, 5, "Government of " + country.Name);
            var (name, kind) = (o / c) switch
            {
                0 => ("Government of " + country.Name, OrganisationKind.Government),
                1 => ("Ministry of Defence of " + country.Name, OrganisationKind.Ministry),
                _ => ("Armed Forces of " + country.Name, OrganisationKind.Military),
            };
            return new Organisation(Key("org", o, 5, name), name, kind, [country.Name], null, country.Key, government);
        }

        var home = random.Next(c);
        var stem = Vocabulary.MadeUpName(random);
        var (label, orgKind, partOf) = (o % 5) switch
        {
            0 => ($"Ministry of {stem} Affairs", OrganisationKind.Ministry, Key("org", home, 5, "Government of " + _countries[home].Name)),
            1 => ($"{stem} Security Council", OrganisationKind.Council, null),
            2 => ($"{stem} Broadcasting", OrganisationKind.Media, null),
            3 => ($"{stem} News Agency", OrganisationKind.NewsAgency, null),
            _ => ($"{stem} Observer Mission", OrganisationKind.Intergovernmental, null),
        };
        return new Organisation(
            Key("org", o, 5, label),
            label,
            orgKind,
            random.Chance(30) ? [stem] : [],
            random.Chance(20) ? $"A body based in {_countries[home].Name}." : null,
            orgKind == OrganisationKind.Intergovernmental ? null : _countries[home].Key,
            partOf);
    }

    private Person MakePerson(int p, DeterministicRandom random)
    {
        var first = random.Pick(Vocabulary.FirstNames);
        var last = random.Pick(Vocabulary.LastNames);
        var name = $"{first} {last}";
        var key = Key("person", p, 5, name);
        var affiliations = new List<Affiliation>();
        var count = p % 3 == 0 ? 2 : 1;
        while (affiliations.Count < count)
        {
            var organisation = _organisations[random.Next(_organisations.Length)].Key;
            if (affiliations.Exists(a => a.OrganisationKey == organisation))
            {
                continue;
            }

            bool? current = p % 17 == 0 ? null : affiliations.Count == 0 || random.Chance(30);
            affiliations.Add(new Affiliation(key, organisation, p % 23 == 0 ? null : random.Pick(Vocabulary.Roles), current));
        }

        return new Person(key, name, random.Chance(40) ? [last] : [], random.Chance(15) ? $"A public figure from {random.Pick(_countries).Name}." : null, affiliations);
    }

    private Negotiation MakeNegotiation(int n, DeterministicRandom random)
    {
        var venue = _towns[random.Next(_towns.Length)];
        var name = $"{venue.Name} talks";
        var parties = new List<string>();
        var partyCount = random.Next(2, 4);
        while (parties.Count < partyCount)
        {
            var party = _organisations[random.Next(CorpusShape.Countries)].Key;
            if (!parties.Contains(party))
            {
                parties.Add(party);
            }
        }

        var rounds = new List<NegotiationRound>();
        var day = random.Next(DaysCovered - 100);
        for (var k = 0; k < random.Next(1, 4); k++)
        {
            day += random.Next(5, 30);
            rounds.Add(new NegotiationRound(k + 1, FirstDay.AddDays(day), random.Chance(70) ? venue.Key : _towns[random.Next(_towns.Length)].Key));
        }

        return new Negotiation(Key("talks", n, 4, name), name, random.Pick(Statuses), venue.Key, parties, rounds);
    }

    private static string Key(string prefix, int index, int digits, string name) =>
        $"{prefix}-{index.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}-{Vocabulary.Slug(name)}";

    /// <summary>A statement before its article is written: everything but the evidence offsets.</summary>
    private sealed record Draft(
        int Index,
        string Text,
        StatementKind Kind,
        bool Direct,
        SpeakerRef? Speaker,
        string SpeakerLabel,
        string Verb,
        string? SaidAt,
        DateOnly? Date,
        IReadOnlyList<string> About,
        string? Negotiation,
        string? RespondsTo)
    {
        public static Draft Make(CorpusGenerator g, int i, DeterministicRandom random)
        {
            var shape = g.Shape;
            var town = i % shape.Towns;
            var region = shape.RegionOfTown(town);
            List<string> about = i % 11 == 0 ? [g._regions[region].Key] : [g._towns[town].Key];
            if (i % 6 == 1)
            {
                // Also about a place elsewhere: a statement counted for two regions.
                var other = g._regions[(region + 1 + random.Next(CorpusShape.Regions - 1)) % CorpusShape.Regions].Key;
                about.Add(other);
            }

            SpeakerRef? speaker;
            string label;
            if (i % 3 == 1)
            {
                var o = g._organisations[random.Next(g._organisations.Length)];
                speaker = new SpeakerRef(SpeakerType.Organisation, o.Key);
                label = "The " + o.Name;
            }
            else if (i % 10 == 9)
            {
                speaker = null;
                label = "Officials in " + g._regions[region].Name;
            }
            else
            {
                var p = g._people[random.Next(g._people.Length)];
                speaker = new SpeakerRef(SpeakerType.Person, p.Key);
                label = p.Name;
            }

            var text = $"{random.Pick(Vocabulary.Subjects)} in {g._towns[town].Name} {random.Pick(Vocabulary.Predicates)}{random.Pick(Vocabulary.Qualifiers)}";
            return new Draft(
                i,
                text,
                random.Pick(Kinds),
                random.Chance(60),
                speaker,
                label,
                random.Pick(Vocabulary.ReportingVerbs),
                i % 4 == 0 ? g._towns[random.Next(g._towns.Length)].Key : null,
                i % 13 == 12 ? null : FirstDay.AddDays(g.DayOf(i) + random.Next(3)),
                about,
                i % 8 == 5 ? g._negotiations[random.Next(g._negotiations.Length)].Key : null,
                i % 4 == 2 ? StatementKey(i - 1 - random.Next(Math.Min(i, 40))) : null);
        }
    }
}
