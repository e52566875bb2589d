using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Tests.Import;

/// <summary>
/// The write side's bad-input battery: each case is rejected whole with at least one problem
/// naming a JSON path, nothing is written (checked by counting every record type), and the
/// importer keeps working (a valid document lands after it).
/// </summary>
public sealed class BadInputBatteryTests : IDisposable
{
    private const string Text = "Mayor Tamsin Orly said: “The ferry runs at dawn.” Then she left 🚢 the quay.";
    private readonly ImportStore _s = new();

    public void Dispose() => _s.Dispose();

    private static JsonObject Valid() => JsonNode.Parse($$"""
        { "format": "knowledge-graph/v2",
          "articles": [{ "key": "quay-news", "text": {{System.Text.Json.JsonSerializer.Serialize(Text)}} }],
          "places": [{ "key": "quay", "name": "The Quay", "kind": "OTHER" }],
          "organisations": [{ "key": "ferry-board", "name": "Ferry Board", "kind": "OTHER" }],
          "people": [{ "key": "tamsin-orly", "name": "Tamsin Orly", "affiliations": [{ "organisation": "ferry-board", "role": "mayor" }] }],
          "statements": [{ "key": "ferry-at-dawn", "text": "The ferry runs at dawn.", "kind": "ANNOUNCEMENT", "direct": true,
                           "speaker": { "person": "tamsin-orly" }, "about": ["quay"],
                           "evidence": [{ "article": "quay-news", "start": 24, "end": 49, "text": "“The ferry runs at dawn.”" }] }] }
        """)!.AsObject();

    private static string With(Action<JsonObject> change)
    {
        var doc = Valid();
        change(doc);
        return doc.ToJsonString();
    }

    private static JsonObject Statement(JsonObject d) => d["statements"]![0]!.AsObject();

    private static JsonObject Evidence(JsonObject d) => Statement(d)["evidence"]![0]!.AsObject();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var valid = Valid().ToJsonString();

        // Malformed and truncated JSON: every tenth of the document, and a handful of broken texts.
        for (var i = 1; i < 30; i++)
        {
            data.Add($"truncated at {i}/30", valid[..(valid.Length * i / 30)]);
        }

        foreach (var (name, text) in new[]
        {
            ("empty", string.Empty), ("whitespace", "   "), ("null", "null"), ("array", "[]"), ("number", "42"), ("string", "\"bundle\""),
            ("single quotes", "{'format': 'knowledge-graph/v2'}"), ("unquoted key", "{format: \"knowledge-graph/v2\"}"),
            ("two documents", valid + valid), ("stray brace", valid + "}"), ("NUL byte", "{\"format\": \"knowledge-graph/v2\"\u0000}"),
            ("lone surrogate escape", "{\"format\": \"knowledge-graph/v2\", \"places\": [{\"name\": \"\\ud800\", \"kind\": \"OTHER\"}]}"),
        })
        {
            data.Add("malformed: " + name, text);
        }

        // Wrong types and unknown fields.
        data.Add("format missing", With(d => d.Remove("format")));
        data.Add("format wrong", With(d => d["format"] = "knowledge-graph/v0"));
        data.Add("format a number", With(d => d["format"] = 2));
        data.Add("articles an object", With(d => d["articles"] = new JsonObject()));
        data.Add("places a string", With(d => d["places"] = "quay"));
        data.Add("place name a number", With(d => d["places"]![0]!["name"] = 7));
        data.Add("place kind unknown", With(d => d["places"]![0]!["kind"] = "PLANET"));
        data.Add("place kind lower case", With(d => d["places"]![0]!["kind"] = "other"));
        data.Add("direct a string", With(d => Statement(d)["direct"] = "yes"));
        data.Add("direct missing", With(d => Statement(d).Remove("direct")));
        data.Add("kind missing", With(d => Statement(d).Remove("kind")));
        data.Add("statement text empty", With(d => Statement(d)["text"] = string.Empty));
        data.Add("statement text blank", With(d => Statement(d)["text"] = "   "));
        data.Add("start a string", With(d => Evidence(d)["start"] = "24"));
        data.Add("start a fraction", With(d => Evidence(d)["start"] = 24.5));
        data.Add("evidence an object", With(d => Statement(d)["evidence"] = new JsonObject()));
        data.Add("evidence empty", With(d => Statement(d)["evidence"] = new JsonArray()));
        data.Add("evidence null entry", With(d => Statement(d)["evidence"] = new JsonArray((JsonNode?)null)));
        data.Add("unknown top-level field", With(d => d["colour"] = "red"));
        data.Add("unknown place field", With(d => d["places"]![0]!["population"] = 12));
        data.Add("unknown statement field", With(d => Statement(d)["mood"] = "calm"));
        data.Add("unknown evidence field", With(d => Evidence(d)["page"] = 1));
        data.Add("affiliation current a string", With(d => d["people"]![0]!["affiliations"]![0]!["current"] = "true"));
        data.Add("null place entry", With(d => d["places"] = new JsonArray((JsonNode?)null)));
        data.Add("aliases a string", With(d => d["places"]![0]!["aliases"] = "Quay"));
        data.Add("alias blank", With(d => d["places"]![0]!["aliases"] = new JsonArray("  ")));
        data.Add("date malformed", With(d => Statement(d)["date"] = "31/12/2031"));
        data.Add("date impossible", With(d => Statement(d)["date"] = "2031-02-30"));
        data.Add("publishedAt without offset", With(d => d["articles"]![0]!["publishedAt"] = "2031-01-01T10:00:00"));
        data.Add("round number zero", With(d => d["negotiations"] = JsonNode.Parse("""[{ "key": "n", "name": "N", "status": "ONGOING", "rounds": [{ "number": 0 }] }]""")));
        data.Add("status unknown", With(d => d["negotiations"] = JsonNode.Parse("""[{ "key": "n", "name": "N", "status": "PAUSED" }]""")));

        // Keys, ids and references.
        data.Add("key with capitals", With(d => d["places"]![0]!["key"] = "The-Quay"));
        data.Add("key with spaces in v1", With(d => { d["format"] = "knowledge-graph/v1"; d["places"]![0]!["key"] = "the quay"; }));
        data.Add("key too long", With(d => d["places"]![0]!["key"] = new string('a', 121)));
        data.Add("key a global id", With(d => d["places"]![0]!["key"] = "UGxhY2U6cXVheQ=="));
        data.Add("key defined twice", With(d => d["places"]!.AsArray().Add(JsonNode.Parse("""{ "key": "quay", "name": "Quay Two", "kind": "OTHER" }"""))));
        data.Add("key of only punctuation", With(d => { d["places"]![0]!.AsObject().Remove("key"); d["places"]![0]!["name"] = "!!!"; }));
        data.Add("missing place reference", With(d => Statement(d)["about"] = new JsonArray("atlantis")));
        data.Add("missing speaker", With(d => Statement(d)["speaker"] = JsonNode.Parse("""{ "person": "nobody-at-all" }""")));
        data.Add("speaker of both kinds", With(d => Statement(d)["speaker"] = JsonNode.Parse("""{ "person": "tamsin-orly", "organisation": "ferry-board" }""")));
        data.Add("speaker empty object", With(d => Statement(d)["speaker"] = new JsonObject()));
        data.Add("missing organisation in affiliation", With(d => d["people"]![0]!["affiliations"]![0]!["organisation"] = "no-such-board"));
        data.Add("missing evidence article", With(d => Evidence(d)["article"] = "no-such-article"));
        data.Add("missing negotiation", With(d => Statement(d)["negotiation"] = "no-such-talks"));
        data.Add("missing respondsTo", With(d => Statement(d)["respondsTo"] = "no-such-statement"));
        data.Add("responds to itself", With(d => Statement(d)["respondsTo"] = "ferry-at-dawn"));
        data.Add("place contains itself", With(d => d["places"]![0]!["containedIn"] = "quay"));
        data.Add("containment cycle of two", With(d => d["places"] = JsonNode.Parse("""[{ "key": "a", "name": "A", "kind": "OTHER", "containedIn": "b" }, { "key": "b", "name": "B", "kind": "OTHER", "containedIn": "a" }, { "key": "quay", "name": "The Quay", "kind": "OTHER" }]""")));
        data.Add("containment cycle of three", With(d => d["places"] = JsonNode.Parse("""[{ "key": "a", "name": "A", "kind": "OTHER", "containedIn": "c" }, { "key": "b", "name": "B", "kind": "OTHER", "containedIn": "a" }, { "key": "c", "name": "C", "kind": "OTHER", "containedIn": "b" }, { "key": "quay", "name": "The Quay", "kind": "OTHER" }]""")));
        data.Add("about repeats a place", With(d => Statement(d)["about"] = new JsonArray("quay", "quay")));
        data.Add("two spans from one article", With(d => Statement(d)["evidence"]!.AsArray().Add(JsonNode.Parse("""{ "article": "quay-news", "start": 0, "end": 5, "text": "Mayor" }"""))));
        data.Add("affiliation repeated", With(d => d["people"]![0]!["affiliations"]!.AsArray().Add(JsonNode.Parse("""{ "organisation": "ferry-board", "role": "mayor" }"""))));
        data.Add("article text in a file that is absent", With(d => { d["articles"]![0]!.AsObject().Remove("text"); d["articles"]![0]!["textFile"] = "absent.txt"; }));
        data.Add("article text file with a path", With(d => { d["articles"]![0]!.AsObject().Remove("text"); d["articles"]![0]!["textFile"] = "../etc/passwd"; }));
        data.Add("article text both inline and in a file", With(d => d["articles"]![0]!["textFile"] = "020_velmora.txt"));
        data.Add("inline text in v1", With(d => { d["format"] = "knowledge-graph/v1"; }));

        // Offsets and evidence text.
        data.Add("start negative", With(d => Evidence(d)["start"] = -1));
        data.Add("end past the text", With(d => Evidence(d)["end"] = 10_000));
        data.Add("start equals end", With(d => Evidence(d)["end"] = 24));
        data.Add("start after end", With(d => { Evidence(d)["start"] = 49; Evidence(d)["end"] = 24; }));
        data.Add("only start", With(d => Evidence(d).Remove("end")));
        data.Add("only end", With(d => Evidence(d).Remove("start")));
        data.Add("text does not match", With(d => Evidence(d)["text"] = "“The ferry runs at dusk.”"));
        data.Add("text off by one", With(d => Evidence(d)["start"] = 25));
        data.Add("text missing", With(d => Evidence(d).Remove("text")));
        data.Add("quoted text absent", With(d => { Evidence(d).Remove("start"); Evidence(d).Remove("end"); Evidence(d)["text"] = "the tram"; }));
        data.Add("quoted text twice", With(d => { Evidence(d).Remove("start"); Evidence(d).Remove("end"); Evidence(d)["text"] = "e"; }));
        var ship = Text.IndexOf("🚢", StringComparison.Ordinal);
        data.Add("span splits a surrogate pair at its start", With(d => { Evidence(d)["start"] = ship + 1; Evidence(d)["end"] = ship + 6; Evidence(d)["text"] = Text[(ship + 1)..(ship + 6)]; }));
        data.Add("span splits a surrogate pair at its end", With(d => { Evidence(d)["start"] = ship - 4; Evidence(d)["end"] = ship + 1; Evidence(d)["text"] = Text[(ship - 4)..(ship + 1)]; }));
        data.Add("text with a combining mark instead of the precomposed letter", With(d => { d["articles"]![0]!["text"] = "café"; Evidence(d)["start"] = 0; Evidence(d)["end"] = 4; Evidence(d)["text"] = "cafe\u0301"; }));
        data.Add("right-to-left mark added to evidence", With(d => Evidence(d)["text"] = "\u200F“The ferry runs at dawn.”"));

        // Unicode edge cases and huge values.
        data.Add("NUL in a name", With(d => d["places"]![0]!["name"] = "The\u0000Quay"));
        data.Add("NUL in statement text", With(d => Statement(d)["text"] = "The ferry\u0000 runs."));
        data.Add("emoji-only name without a key", With(d => { d["places"]![0]!.AsObject().Remove("key"); d["places"]![0]!["name"] = "🚢🚢"; }));
        data.Add("right-to-left name without a key", With(d => { d["places"]![0]!.AsObject().Remove("key"); d["places"]![0]!["name"] = "مرسى"; }));
        data.Add("huge key", With(d => d["places"]![0]!["key"] = new string('q', 100_000)));
        data.Add("huge name", With(d => d["places"]![0]!["name"] = new string('Q', 100_000)));
        data.Add("huge array of blank aliases", With(d => d["places"]![0]!["aliases"] = new JsonArray(Enumerable.Range(0, 10_000).Select(_ => (JsonNode?)JsonValue.Create(" ")).ToArray())));
        data.Add("huge array of missing references", With(d => Statement(d)["about"] = new JsonArray(Enumerable.Range(0, 5_000).Select(i => (JsonNode?)JsonValue.Create("nowhere-" + i)).ToArray())));
        data.Add("deep nesting", new string('[', 5_000) + new string(']', 5_000));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_rejected_with_a_path_and_writes_nothing(string name, string json)
    {
        var result = await _s.JsonAsync(json);

        Assert.False(result.Accepted, name);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.True(p.Path.StartsWith('$') && p.Message.Length > 0, p.ToString()));
        Assert.Equal(0, await CountAsync());

        // The importer keeps working after it.
        Assert.True((await _s.JsonAsync(Valid().ToJsonString())).Accepted);
    }

    [Fact]
    public void The_battery_holds_at_least_a_hundred_cases() => Assert.True(Cases().Count >= 100, $"{Cases().Count} cases");

    [Fact]
    public async Task The_base_document_of_the_battery_is_valid() =>
        Assert.True((await _s.JsonAsync(Valid().ToJsonString())).Accepted);

    [Fact]
    public async Task Overlapping_documents_imported_at_once_each_land_whole()
    {
        var tasks = Enumerable.Range(0, 6).Select(_ => new DocumentImporter(_s.Store, _s.Store)
            .ImportAsync("same.json", Valid().ToJsonString(), ImportStore.ReadFixtureText, new ImportOptions(), TestContext.Current.CancellationToken));
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.True(r.Accepted));
        Assert.Equal(5, await CountAsync());
        var statement = Assert.Single(await _s.Store.GetAsync<Statement>(["ferry-at-dawn"], TestContext.Current.CancellationToken));
        Assert.Single(statement.Evidence);
    }

    private async Task<int> CountAsync()
    {
        var all = PageRequest.FirstItems(1000, includeTotalCount: true);
        var ct = TestContext.Current.CancellationToken;
        return (await _s.Store.ListAsync<Article>(null, [], all, ct)).TotalCount!.Value
            + (await _s.Store.ListAsync<Place>(null, [], all, ct)).TotalCount!.Value
            + (await _s.Store.ListAsync<Organisation>(null, [], all, ct)).TotalCount!.Value
            + (await _s.Store.ListAsync<Person>(null, [], all, ct)).TotalCount!.Value
            + (await _s.Store.ListAsync<Statement>(null, [], all, ct)).TotalCount!.Value;
    }
}
