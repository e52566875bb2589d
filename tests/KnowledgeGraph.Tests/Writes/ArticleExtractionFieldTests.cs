using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Writes;

/// <summary><c>extractArticle</c> and <c>importArticle</c> through the real host on a real SQLite file.</summary>
public sealed class ArticleExtractionFieldTests : IAsyncLifetime
{
    private const string Key = "correct-horse-battery-staple";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A fictional article of our own: two speakers, one of them named again by a pronoun.
    private const string Text = "Velmar on Tuesday rejected a demand by the Ostrey water council to open the dam.\n\n\"We will not release a single cubic metre,\" Minister Greta Solvik told reporters in the town of Dunmarrow.\n\nOstrey council chair Teodor Vask said that the river towns were running dry.\n\n\"Our wells are empty,\" he said.\n";

    private const string Extract = """
        query($input: ExtractArticleInput!) {
          extractArticle(input: $input) {
            articleKey
            statements {
              key text kind direct date rule confidence negotiation respondsTo
              evidence { start end text }
              speaker { type key name isNew role organisation rule node { __typename ... on Person { id name } ... on Organisation { id name } } }
              places { key }
              saidAt { key name kind isNew containedIn node { id } }
            }
            draft
            errors { __typename ... on Error { message } ... on InvalidArticleError { path } }
          }
        }
        """;

    private const string Import = """
        mutation($input: ImportArticleInput!) {
          importArticle(input: $input) {
            accepted
            summary { type created updated unchanged merged rejected }
            errors { __typename ... on Error { message } ... on InvalidBundleError { path } }
          }
        }
        """;

    private readonly ApiFactory _host = new() { Settings = { ["Seed:Enabled"] = "false", ["Auth:ApiKeys:editor"] = Key } };
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _http = _host.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private static object Input(string text, bool? extract = null) => extract is null
        ? new { text, publisher = "Fictional Wire", publishedAt = "2031-05-07T10:00:00Z", title = "Velmar rejects the demand" }
        : new { text, publisher = "Fictional Wire", publishedAt = "2031-05-07T10:00:00Z", title = "Velmar rejects the demand", extract };

    private Task<WireResponse> MutateAsync(object input, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Import, variables = new { input } }) };
        request.Headers.Accept.ParseAdd(GraphQLWire.GraphQLResponse);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return GraphQLWire.SendAsync(_http, request);
    }

    private async Task<JsonNode> ExtractAsync(string text)
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = Extract, variables = new { input = Input(text) } });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json!["errors"]);
        return response.Json!["data"]!["extractArticle"]!;
    }

    private async Task<int> CountAsync()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = "{ statements { totalCount } articles { totalCount } people { totalCount } }" });
        var data = response.Json!["data"]!;
        return data["statements"]!["totalCount"]!.GetValue<int>() + data["articles"]!["totalCount"]!.GetValue<int>() + data["people"]!["totalCount"]!.GetValue<int>();
    }

    private static string Statement(JsonNode s) =>
        $"{s["kind"]} {s["direct"]} [{s["evidence"]!["start"]},{s["evidence"]!["end"]}) {s["evidence"]!["text"]} | {s["speaker"]?["type"]}:{s["speaker"]?["key"]} new={s["speaker"]?["isNew"]} role={s["speaker"]?["role"]} org={s["speaker"]?["organisation"]} | date={s["date"]} saidAt={s["saidAt"]?["key"]}";

    [Fact]
    public async Task ExtractArticle_proposes_the_statements_with_spans_speakers_and_places_and_writes_nothing()
    {
        var payload = await ExtractAsync(Text);

        Assert.Null(payload["errors"]);
        Assert.Equal("velmar-rejects-the-demand", (string?)payload["articleKey"]);
        var statements = payload["statements"]!.AsArray().Select(s => s!).ToArray();
        Assert.Equal(
            [
                "REJECTION false [0,79) Velmar on Tuesday rejected a demand by the Ostrey water council to open the dam | Organisation:velmar new=true role= org= | date=2031-05-06 saidAt=",
                "ASSESSMENT true [82,125) \"We will not release a single cubic metre,\" | Person:greta-solvik new=true role= org= | date= saidAt=dunmarrow",
                "CLAIM false [190,265) Ostrey council chair Teodor Vask said that the river towns were running dry | Person:teodor-vask new=true role=chair org=Ostrey council | date= saidAt=",
                "ASSESSMENT true [268,290) \"Our wells are empty,\" | Person:teodor-vask new=true role=chair org=Ostrey council | date= saidAt=",
            ],
            statements.Select(Statement));
        Assert.All(statements, s => Assert.Equal(Text[(int)s["evidence"]!["start"]!..(int)s["evidence"]!["end"]!], (string?)s["evidence"]!["text"]));
        Assert.All(statements, s => Assert.Null(s["speaker"]!["node"]));
        Assert.Equal(
            """{"key":"dunmarrow","name":"Dunmarrow","kind":"TOWN","isNew":true,"containedIn":null,"node":null}""",
            statements[1]["saidAt"]!.ToJsonString());
        Assert.Equal("We will not release a single cubic metre", (string?)statements[1]["text"]);

        // The draft is the import format with the text inline, and nothing was written.
        var draft = JsonNode.Parse((string)payload["draft"]!)!;
        Assert.Equal(("knowledge-graph/v2", Text, 4), ((string?)draft["format"], (string?)draft["articles"]![0]!["text"], draft["statements"]!.AsArray().Count));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task ImportArticle_without_a_key_is_refused_and_writes_nothing()
    {
        var response = await MutateAsync(Input(Text), key: null);

        Assert.Equal((HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED"), (response.Status, response.Code));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task ImportArticle_lands_the_article_and_its_statements_and_extraction_then_resolves_onto_them()
    {
        var response = await MutateAsync(Input(Text), Key);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var payload = response.Json!["data"]!["importArticle"]!;
        Assert.True(payload["accepted"]!.GetValue<bool>());
        Assert.Null(payload["errors"]);
        Assert.Equal(
            """[{"type":"Person","created":2,"updated":0,"unchanged":0,"merged":0,"rejected":0},{"type":"Organisation","created":2,"updated":0,"unchanged":0,"merged":0,"rejected":0},{"type":"Place","created":1,"updated":0,"unchanged":0,"merged":0,"rejected":0},{"type":"Statement","created":4,"updated":0,"unchanged":0,"merged":0,"rejected":0},{"type":"Article","created":1,"updated":0,"unchanged":0,"merged":0,"rejected":0}]""",
            payload["summary"]!.ToJsonString());

        var stored = await GraphQLWire.PostAsync(_http, new
        {
            query = "{ statements(order: [{ text: ASC }]) { nodes { text kind direct date speaker { ... on Person { name } ... on Organisation { name } } saidAt { name } evidence { start end text article { title publisher } } } } }",
        });
        Assert.Equal(
            """[{"text":"Ostrey council chair Teodor Vask said that the river towns were running dry","kind":"CLAIM","direct":false,"date":null,"speaker":{"name":"Teodor Vask"},"saidAt":null,"evidence":[{"start":190,"end":265,"text":"Ostrey council chair Teodor Vask said that the river towns were running dry","article":{"title":"Velmar rejects the demand","publisher":"Fictional Wire"}}]},"""
            + """{"text":"Our wells are empty","kind":"ASSESSMENT","direct":true,"date":null,"speaker":{"name":"Teodor Vask"},"saidAt":null,"evidence":[{"start":268,"end":290,"text":"\"Our wells are empty,\"","article":{"title":"Velmar rejects the demand","publisher":"Fictional Wire"}}]},"""
            + """{"text":"Velmar on Tuesday rejected a demand by the Ostrey water council to open the dam","kind":"REJECTION","direct":false,"date":"2031-05-06","speaker":{"name":"Velmar"},"saidAt":null,"evidence":[{"start":0,"end":79,"text":"Velmar on Tuesday rejected a demand by the Ostrey water council to open the dam","article":{"title":"Velmar rejects the demand","publisher":"Fictional Wire"}}]},"""
            + """{"text":"We will not release a single cubic metre","kind":"ASSESSMENT","direct":true,"date":null,"speaker":{"name":"Greta Solvik"},"saidAt":{"name":"Dunmarrow"},"evidence":[{"start":82,"end":125,"text":"\"We will not release a single cubic metre,\"","article":{"title":"Velmar rejects the demand","publisher":"Fictional Wire"}}]}]""",
            stored.Json!["data"]!["statements"]!["nodes"]!.ToJsonString(Readable));

        // Extracted again, every speaker and the place are the graph's records, reachable through node,
        // in one store call per record type (people, organisations, places, negotiations), whatever the article.
        var calls = _host.StoreCalls;
        var again = await ExtractAsync(Text);
        Assert.Equal(4, _host.StoreCalls - calls);
        var speakers = again["statements"]!.AsArray().Select(s => s!["speaker"]!).ToArray();
        Assert.All(speakers, s => Assert.False(s["isNew"]!.GetValue<bool>()));
        Assert.Equal(["Organisation Velmar", "Person Greta Solvik", "Person Teodor Vask", "Person Teodor Vask"],
            speakers.Select(s => $"{s["node"]!["__typename"]} {s["node"]!["name"]}"));
        var place = again["statements"]![1]!["saidAt"]!;
        Assert.Equal((false, Seed.Id(Domain.Ids.NodeType.Place, "dunmarrow")), (place["isNew"]!.GetValue<bool>(), (string?)place["node"]!["id"]));
    }

    [Fact]
    public async Task Bad_input_comes_back_as_typed_errors_with_paths_and_nothing_is_written()
    {
        var empty = await GraphQLWire.PostAsync(_http, new { query = Extract, variables = new { input = new { text = " ", publisher = "", publishedAt = "2031-05-07T10:00:00Z" } } });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal(
            """[{"__typename":"InvalidArticleError","message":"Required: the article text, not empty.","path":"input.text"},{"__typename":"InvalidArticleError","message":"Required: the outlet that published the article.","path":"input.publisher"}]""",
            empty.Json!["data"]!["extractArticle"]!["errors"]!.ToJsonString());
        Assert.Equal("[]", empty.Json!["data"]!["extractArticle"]!["statements"]!.ToJsonString());

        var huge = await MutateAsync(Input(new string('a', 100_001)), Key);
        Assert.Equal(HttpStatusCode.OK, huge.Status);
        Assert.Equal(
            """[{"__typename":"InvalidBundleError","message":"The text is 100001 characters long; the most accepted is 100000.","path":"input.text"}]""",
            huge.Json!["data"]!["importArticle"]!["errors"]!.ToJsonString());
        Assert.False(huge.Json!["data"]!["importArticle"]!["accepted"]!.GetValue<bool>());

        var badDate = await GraphQLWire.PostAsync(_http, new { query = Extract, variables = new { input = new { text = Text, publisher = "P", publishedAt = "Tuesday" } } });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.Status);
        Assert.Contains("publishedAt", badDate.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Extractions_are_priced_so_that_one_operation_runs_at_most_five()
    {
        var aliases = string.Join(" ", Enumerable.Range(0, 6).Select(i => $"a{i}: extractArticle(input: $input) {{ articleKey }}"));
        var response = await GraphQLWire.PostAsync(_http, new { query = $"query($input: ExtractArticleInput!) {{ {aliases} }}", variables = new { input = Input(Text) } });

        Assert.Equal((HttpStatusCode.BadRequest, "MAX_COMPLEXITY_EXCEEDED"), (response.Status, response.Code));
        Assert.Equal("The operation's complexity is 60006; the maximum allowed is 50000. Ask for smaller pages (first/last) or fewer nested fields.", response.Message);
    }
}
