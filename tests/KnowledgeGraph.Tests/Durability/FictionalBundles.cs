using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Tests.Durability;

/// <summary>
/// A set of self-contained v2 bundles about plainly fictional people and places (names made of
/// generated syllables), each carrying one article and its statements. Every document names its
/// own speakers, so no statement of one document can be resolved onto another's, and each
/// repeats the shared country and region, so any document can land on its own.
/// </summary>
public sealed class FictionalBundles
{
    private static readonly string[] Onsets = ["b", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v"];
    private static readonly string[] Vowels = ["a", "o", "u", "e"];

    private FictionalBundles(IReadOnlyList<Document> documents) => Documents = documents;

    /// <summary>One bundle and what it must leave in the store when it lands.</summary>
    public sealed record Document(string File, string Article, IReadOnlyList<string> Statements, IReadOnlyList<string> People, IReadOnlyList<string> Places);

    public IReadOnlyList<Document> Documents { get; }

    public int Statements => Documents.Sum(d => d.Statements.Count);

    /// <summary>Writes <paramref name="documents"/> bundles of <paramref name="statementsPerDocument"/> statements each into <paramref name="folder"/>.</summary>
    public static FictionalBundles Write(string folder, int documents, int statementsPerDocument, int peoplePerDocument = 12)
    {
        Directory.CreateDirectory(folder);
        var written = new List<Document>(documents);
        for (var d = 0; d < documents; d++)
        {
            var people = Enumerable.Range(0, peoplePerDocument).Select(p => (Key: $"d{d:D4}-person-{p}", Name: $"{Name(d * 64 + p, 2)} {Name(d * 64 + p + 7_000, 3)}")).ToArray();
            var towns = Enumerable.Range(0, 2).Select(t => (Key: $"d{d:D4}-town-{t}", Name: Name(d * 8 + t + 20_000, 3) + " Ford")).ToArray();
            var article = $"d{d:D4}-article";
            var text = new StringBuilder();
            var statements = new List<object>(statementsPerDocument);
            var keys = new List<string>(statementsPerDocument);
            for (var s = 0; s < statementsPerDocument; s++)
            {
                var speaker = people[s % people.Length];
                var town = towns[s % towns.Length];
                var said = string.Create(CultureInfo.InvariantCulture, $"Plan {d}-{s} for {town.Name} is ready.");
                text.Append(CultureInfo.InvariantCulture, $"{speaker.Name} said \"{said}\" ");
                var key = $"d{d:D4}-statement-{s}";
                keys.Add(key);
                statements.Add(new
                {
                    key,
                    text = said,
                    kind = "ANNOUNCEMENT",
                    direct = true,
                    speaker = new { person = speaker.Key },
                    date = new DateOnly(2031, 1, 1).AddDays(d % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    about = new[] { town.Key },
                    evidence = new[] { new { article, text = said } },
                });
            }

            var bundle = new
            {
                format = "knowledge-graph/v2",
                articles = new[] { new { key = article, title = $"Plans for the fords, part {d}", publisher = "The Vell Ledger", language = "en", text = text.ToString().TrimEnd() } },
                places = new object[]
                {
                    new { key = "country-vellmark", name = "Vellmark", kind = "COUNTRY" },
                    new { key = "region-orrun", name = "Orrun Province", kind = "REGION", containedIn = "country-vellmark" },
                }.Concat(towns.Select(t => (object)new { key = t.Key, name = t.Name, kind = "TOWN", containedIn = "region-orrun" })).ToArray(),
                people = people.Select(p => new { key = p.Key, name = p.Name }).ToArray(),
                statements,
            };
            var file = Path.Combine(folder, $"{d:D4}_fictional.json");
            File.WriteAllText(file, JsonSerializer.Serialize(bundle));
            written.Add(new Document(file, article, keys, people.Select(p => p.Key).ToArray(), towns.Select(t => t.Key).ToArray()));
        }

        return new FictionalBundles(written);
    }

    // A made-up word of syllables, distinct for each number.
    private static string Name(int number, int syllables)
    {
        var word = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            var digit = number % (Onsets.Length * Vowels.Length);
            number /= Onsets.Length * Vowels.Length;
            word.Append(Onsets[digit % Onsets.Length]).Append(Vowels[digit / Onsets.Length]);
        }

        word.Append(Onsets[number % Onsets.Length]);
        return char.ToUpperInvariant(word[0]) + word.ToString(1, word.Length - 1);
    }
}
