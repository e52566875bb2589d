namespace KnowledgeGraph.Domain.Resolution;

/// <summary>
/// Spelling variants that name the same thing, as data: each group lists normalised spellings,
/// the first being the one every other folds to. Add a group to teach the resolver a variant.
/// </summary>
public static class Transliterations
{
    /// <summary>The groups of equivalent spellings of one word (normalised: lower case, no diacritics).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Groups { get; } =
    [
        ["zelensky", "zelenskyy", "zelenskiy", "zelenskii", "zelenski"],
        ["umerov", "umierov"],
        ["kyiv", "kiev", "kiew"],
        ["luhansk", "lugansk"],
        ["kharkiv", "kharkov"],
        ["odesa", "odessa"],
        ["lviv", "lvov", "lwow"],
        ["mykolaiv", "nikolaev", "nikolayev"],
        ["zaporizhzhia", "zaporozhye", "zaporizhia", "zaporozhzhia"],
        ["dnipro", "dnepr", "dnieper"],
        ["dnipropetrovsk", "dnepropetrovsk"],
        ["chernihiv", "chernigov"],
        ["kherson", "cherson"],
        ["donbas", "donbass"],
        ["peskov", "peskow"],
        ["defense", "defence"],
        ["organization", "organisation"],
    ];

    // Phrases folded before words are compared, such as a country's long form.
    private static readonly (string Phrase, string Replacement)[] Phrases =
    [
        ("russian federation", "russia"),
        ("united states of america", "united states"),
        ("united kingdom of great britain and northern ireland", "united kingdom"),
    ];

    private static readonly Dictionary<string, string> ToCanonical = BuildIndex();

    /// <summary>The first spelling of the word's group, or the word itself.</summary>
    public static string Canonical(string word) =>
        ToCanonical.TryGetValue(word, out var canonical) ? canonical : word;

    internal static string ReplacePhrases(string normalized)
    {
        var padded = " " + normalized + " ";
        foreach (var (phrase, replacement) in Phrases)
        {
            padded = padded.Replace(" " + phrase + " ", " " + replacement + " ", StringComparison.Ordinal);
        }

        return padded.Trim();
    }

    private static Dictionary<string, string> BuildIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            foreach (var spelling in group)
            {
                index[spelling] = group[0];
            }
        }

        return index;
    }
}

/// <summary>Country adjectives and possessives that designate the country itself in an organisation's name.</summary>
internal static class Designations
{
    private static readonly Dictionary<string, string> Countries = new(StringComparer.Ordinal)
    {
        ["russian"] = "russia",
        ["russias"] = "russia",
        ["ukrainian"] = "ukraine",
        ["ukraines"] = "ukraine",
        ["american"] = "united states",
        ["british"] = "united kingdom",
        ["french"] = "france",
        ["frances"] = "france",
        ["german"] = "germany",
        ["germanys"] = "germany",
        ["chinese"] = "china",
        ["chinas"] = "china",
        ["turkish"] = "turkey",
        ["turkeys"] = "turkey",
        ["polish"] = "poland",
        ["polands"] = "poland",
    };

    public static string Canonical(string word) =>
        Countries.TryGetValue(word, out var country) ? country : word;
}
