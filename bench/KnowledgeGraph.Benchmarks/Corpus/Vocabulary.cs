namespace KnowledgeGraph.Benchmarks.Corpus;

/// <summary>Word lists for names and sentences: plain ASCII, so every name slugs cleanly.</summary>
internal static class Vocabulary
{
    public static readonly string[] Syllables =
    [
        "var", "no", "ri", "ka", "len", "dor", "mi", "sta", "bel", "go", "ra", "vin", "to", "sol", "mar", "ke",
        "lo", "zen", "pra", "tu", "vel", "an", "dro", "si", "kor", "hal", "bre", "nu", "tor", "ma", "lis", "gra",
    ];

    public static readonly string[] FirstNames =
    [
        "Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Irina", "Jonas", "Katarina", "Lev",
        "Maria", "Nikolai", "Olena", "Pavel", "Rania", "Sergei", "Tamara", "Umar", "Vera", "Wojciech", "Yulia", "Zoran",
        "Amir", "Bianca", "Cyril", "Daria", "Emil", "Fatima", "Gleb", "Hanna", "Igor", "Jana", "Kirill", "Lena",
    ];

    public static readonly string[] LastNames =
    [
        "Petrova", "Ivanenko", "Kowalski", "Haddad", "Novak", "Sokolov", "Marin", "Horvat", "Lindqvist", "Aziz", "Bondar",
        "Volkov", "Ferrante", "Kuznetsova", "Moreau", "Okafor", "Rossi", "Schmidt", "Tkachenko", "Varga", "Weber",
        "Yilmaz", "Zielinski", "Andersen", "Babic", "Castro", "Dimitrov", "Eriksen", "Fischer", "Garcia", "Hansen",
    ];

    public static readonly string[] Roles =
    [
        "minister", "deputy minister", "spokesperson", "adviser", "chair", "deputy chair", "commander", "ambassador",
        "envoy", "press secretary", "director", "correspondent", "editor", "chief negotiator", "governor",
    ];

    public static readonly string[] Publishers =
    [
        "The Morning Ledger", "Continental Wire", "Harbour Times", "Daily Meridian", "Northern Courier", "Global Dispatch",
        "Riverside Post", "The Evening Standard Bearer", "Capital Chronicle", "Eastern Observer",
    ];

    public static readonly string[] Agencies = ["AFP", "Reuters", "AP", "ANSA", "EFE", "dpa"];

    public static readonly string[] Subjects =
    [
        "The government", "Our forces", "The ceasefire", "The delegation", "The new border regime", "The grain corridor",
        "The humanitarian convoy", "The energy agreement", "The prisoner exchange", "The reconstruction fund",
        "The security guarantee", "The monitoring mission", "The next round of talks", "The sanctions package",
    ];

    public static readonly string[] Predicates =
    [
        "will not be extended", "has been violated again", "must be respected by all sides", "remains the only way forward",
        "cannot be negotiated", "will resume next week", "was agreed in principle", "depends on the withdrawal of troops",
        "has the full support of our partners", "is being blocked deliberately", "will be reviewed by parliament",
        "was never on the table", "needs international observers", "is ready to be signed",
    ];

    public static readonly string[] Qualifiers =
    [
        "", " this winter", " without preconditions", " under any circumstances", " before the elections",
        " as soon as possible", " in the coming days", " for the sake of civilians", " whatever the cost",
    ];

    public static readonly string[] ReportingVerbs =
    [
        "said", "insisted", "warned", "claimed", "announced", "argued", "stressed", "confirmed", "told reporters",
    ];

    public static readonly string[] Fillers =
    [
        "The remarks came after a week of heavy fighting.",
        "Talks had been suspended for several days.",
        "Diplomats described the atmosphere as tense.",
        "Local officials reported power outages overnight.",
        "The statement was published on an official channel.",
        "Independent verification was not immediately possible.",
        "Residents have been urged to stay indoors.",
        "Observers expect further meetings later this month.",
        "The claim could not be independently confirmed.",
        "Aid organisations have called for safe passage.",
    ];

    /// <summary>A pronounceable made-up name of 2–3 syllables, capitalised.</summary>
    public static string MadeUpName(DeterministicRandom random)
    {
        var count = random.Next(2, 4);
        var name = string.Concat(Enumerable.Range(0, count).Select(_ => random.Pick(Syllables)));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>A slug of a name: lowercase ASCII words joined by hyphens.</summary>
    public static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var words = new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', words);
    }
}
