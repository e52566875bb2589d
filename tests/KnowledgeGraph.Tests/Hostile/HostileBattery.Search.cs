using static System.Net.HttpStatusCode;

namespace KnowledgeGraph.Tests.Hostile;

/// <summary>The search class of the battery: query syntax, sizes and text no index should see.</summary>
public static partial class HostileBattery
{
    private const string SearchQuery = "query($t: String!) { search(text: $t) { totalCount } }";

    private static void Search(List<HostileCase> c)
    {
        const string S = "search";

        // FTS5 and Lucene syntax: every operator is read as a space and every word as a word, so
        // each answers exactly as the plain words it holds (counts on the shipped data).
        foreach (var (text, count) in new (string, int)[]
                 {
                     ("Medvedev", 1), ("medvedev*", 1), ("medv*", 0), ("*", -1), ("^Medvedev", 1), ("^", -1), ("\"Medvedev\"", 1), ("\"Medvedev", 1), ("\"\"", -1),
                     ("\"Dmitry Medvedev\"", 1), ("NEAR(Dmitry Medvedev)", 0), ("NEAR(Dmitry Medvedev, 2)", 0), ("Dmitry NEAR/2 Medvedev", 0),
                     ("text: Medvedev", 0), ("name:Medvedev", 0), ("{text title}: Medvedev", 0), ("- Medvedev", 1), ("+Medvedev", 1), ("(Medvedev)", 1),
                     ("Medvedev AND Dmitry", 0), ("Medvedev OR Budanov", 0), ("NOT Medvedev", 0), ("Medvedev NOT Dmitry", 0), ("AND", 6), ("OR", 0), ("NOT", 2), ("NEAR", 0),
                     ("Medvedev~2", 0), ("Medvedev^4", 0), ("[a TO z]", 0), ("Medv?dev", 0), ("/Medv.*/", 0), ("Medvedev && Budanov", 0), ("\\", -1), ("\\\"", -1),
                     ("' OR 1=1 --", 0), ("\"); DROP TABLE search_entry; --", 0), ("*/ MATCH (n) DETACH DELETE n //", 0),
                 })
        {
            c.Add(count < 0
                ? HostileCase.Query(S, "syntax " + Shorten(text), SearchQuery, OK, "INVALID_SEARCH", new { t = text })
                : HostileCase.Query(S, "syntax " + Shorten(text), SearchQuery, OK, "count:" + count, new { t = text }));
        }

        // Sizes: the length and word caps hold, and text with no word is refused with a reason.
        foreach (var (name, text, code) in new[]
                 {
                     ("empty text", string.Empty, "INVALID_SEARCH"),
                     ("spaces only", "     ", "INVALID_SEARCH"),
                     ("punctuation only", "!?.,;:()[]{}<>|&*^~-+=/\\'\"`@#$%", "INVALID_SEARCH"),
                     ("an emoji only", "😀😀", "INVALID_SEARCH"),
                     ("200 characters", new string('a', 200), "count:0"),
                     ("201 characters", new string('a', 201), "INVALID_SEARCH"),
                     ("20000 characters", new string('a', 20_000), "INVALID_SEARCH"),
                     ("12 words", string.Join(' ', Enumerable.Range(0, 12).Select(i => "w" + i)), "count:0"),
                     ("13 words", string.Join(' ', Enumerable.Range(0, 13).Select(i => "w" + i)), "INVALID_SEARCH"),
                     ("one word 40 times", string.Join(' ', Enumerable.Repeat("Medvedev", 40)), "INVALID_SEARCH"),
                     ("one word 20 times in any case", string.Join(' ', Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "MEDVEDEV" : "medvedev")), "count:1"),
                     ("a NUL alone", "\u0000", "INVALID_SEARCH"),
                     ("a NUL between words", "Dmitry\u0000Medvedev", "count:1"),
                     ("NULs around a word", "\u0000\u0000Medvedev\u0000", "count:1"),
                     ("Cyrillic", "Медведев", "count:0"),
                     ("mixed scripts in one word", "Medvеdev", "count:0"),
                     ("mixed scripts in two words", "Дмитрий Medvedev", "count:0"),
                     ("right-to-left override", "\u202EMedvedev", "count:1"),
                     ("a combining accent", "Medve\u0301dev", "count:1"),
                     ("CJK", "東京 Medvedev", "count:0"),
                     ("a zero-width joiner", "Med\u200Dvedev", "count:0"),
                 })
        {
            c.Add(HostileCase.Query(S, name, SearchQuery, OK, code, new { t = text }));
        }

        // Lone surrogates never reach the index: the request is refused before it runs.
        foreach (var surrogate in new[] { "\\ud800", "\\udfff", "Medvedev\\udc00", "\\ud83d Medvedev" })
        {
            c.Add(HostileCase.Body(S, $"{surrogate} in the text variable", "{\"query\":\"" + SearchQuery.Replace("\"", "\\\"", StringComparison.Ordinal) + "\",\"variables\":{\"t\":\"" + surrogate + "\"}}", BadRequest, "INVALID_UNICODE"));
            c.Add(HostileCase.Body(S, $"{surrogate} in the text literal", "{\"query\":\"{ search(text: \\\"" + surrogate.Replace("\\", "\\\\", StringComparison.Ordinal) + "\\\") { totalCount } }\"}", BadRequest, "INVALID_UNICODE"));
        }

        c.Add(HostileCase.Query(S, "null text", SearchQuery, BadRequest, "INVALID_VALUE", new { t = (string?)null }));
        c.Add(HostileCase.Query(S, "text as a number", SearchQuery, BadRequest, "INVALID_VALUE", new { t = 5 }));
        c.Add(HostileCase.Query(S, "an unknown type", "{ search(text: \"Medvedev\", types: [NEGOTIATION]) { totalCount } }", BadRequest, "ARGUMENTS_OF_CORRECT_TYPE"));
        c.Add(HostileCase.Query(S, "no types", "{ search(text: \"Medvedev\", types: []) { totalCount } }", OK, "count:1"));
        c.Add(HostileCase.Query(S, "first: 101", "{ search(text: \"Medvedev\", first: 101) { totalCount } }", OK, "PAGE_SIZE_EXCEEDED"));
        c.Add(HostileCase.Query(S, "a cursor not issued", "{ search(text: \"Medvedev\", after: \"' OR 1=1\") { totalCount } }", OK, "INVALID_CURSOR"));
        c.Add(HostileCase.Body(S, "text over the body limit", System.Text.Json.JsonSerializer.Serialize(new { query = SearchQuery, variables = new { t = new string('a', 300_000) } }), RequestEntityTooLarge, "BAD_REQUEST"));
    }
}
