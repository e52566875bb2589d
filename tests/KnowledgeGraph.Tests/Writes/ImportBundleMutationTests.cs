using System.Net.Http.Json;
using System.Net;
using KnowledgeGraph.Tests.Import;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Writes;

/// <summary><c>importBundle</c> and API keys through the real host on a real SQLite file.</summary>
public sealed class ImportBundleMutationTests : IAsyncLifetime
{
    private const string Key = "correct-horse-battery-staple";
    private const string Mutation = """
        mutation($input: ImportBundleInput!) {
          importBundle(input: $input) {
            accepted dryRun
            summary { type created updated unchanged merged rejected }
            changes { id type key outcome path givenKey rule score }
            ambiguities { path name rule candidates }
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

    private static object Body(string bundle, bool dryRun = false) => new { query = Mutation, variables = new { input = new { bundle, dryRun } } };

    private static string Velmora => File.ReadAllText(Path.Combine(ImportStore.Fixtures, "030_velmora-herald.v2.json"));

    private Task<WireResponse> SendAsync(object body, Action<HttpRequestMessage> authorize)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd(GraphQLWire.GraphQLResponse);
        authorize(request);
        return GraphQLWire.SendAsync(_http, request);
    }

    private async Task<int> StatementCountAsync()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = "{ statements { totalCount } articles { totalCount } }" });
        return response.Json!["data"]!["statements"]!["totalCount"]!.GetValue<int>() + response.Json!["data"]!["articles"]!["totalCount"]!.GetValue<int>();
    }

    [Fact]
    public async Task Without_a_key_the_mutation_is_a_401_and_nothing_is_written()
    {
        var response = await SendAsync(Body(Velmora), _ => { });
        Assert.Equal((HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED"), (response.Status, response.Code));
        Assert.Equal("Bearer", response.Header("WWW-Authenticate"));
        Assert.Equal(0, await StatementCountAsync());
    }

    [Fact]
    public async Task With_a_wrong_key_the_mutation_is_a_403_and_nothing_is_written()
    {
        var response = await SendAsync(Body(Velmora), r => r.Headers.Add("X-Api-Key", Key + "x"));
        Assert.Equal((HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED", "The API key sent is not one this server knows."), (response.Status, response.Code, response.Message));
        Assert.Equal(0, await StatementCountAsync());
    }

    [Fact]
    public async Task Reads_stay_open_without_a_key()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = "{ statements { totalCount } }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task With_the_key_a_bundle_lands_and_the_payload_says_what_changed()
    {
        var response = await SendAsync(Body(Velmora), r => r.Headers.Add("X-Api-Key", Key));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var payload = response.Json!["data"]!["importBundle"]!;
        Assert.True(payload["accepted"]!.GetValue<bool>());
        Assert.Null(payload["errors"]);
        Assert.Equal(
            """[{"type":"Person","created":1,"updated":0,"unchanged":0,"merged":0,"rejected":0},{"type":"Place","created":2,"updated":0,"unchanged":0,"merged":0,"rejected":0},{"type":"Statement","created":1,"updated":0,"unchanged":0,"merged":0,"rejected":0},{"type":"Article","created":1,"updated":0,"unchanged":0,"merged":0,"rejected":0}]""",
            payload["summary"]!.ToJsonString());
        var person = payload["changes"]!.AsArray().Single(c => (string?)c!["type"] == "Person")!;
        Assert.Equal(Seed.Id(Domain.Ids.NodeType.Person, "mayor-fernwald"), (string?)person["id"]);
        Assert.Equal(2, await StatementCountAsync());

        // The same document again, now with a bearer token: nothing changes.
        var again = await SendAsync(Body(Velmora), r => r.Headers.Authorization = new("Bearer", Key));
        Assert.Equal(
            ["UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED"],
            again.Json!["data"]!["importBundle"]!["changes"]!.AsArray().Select(c => (string?)c!["outcome"]));
    }

    [Fact]
    public async Task A_bad_bundle_comes_back_as_typed_errors_with_paths_and_nothing_is_written()
    {
        var bad = """{ "format": "knowledge-graph/v2", "articles": [{ "key": "t", "text": "abc" }], "statements": [{ "text": "x", "kind": "CLAIM", "direct": true, "evidence": [{ "article": "t", "text": "zzz" }] }] }""";
        var response = await SendAsync(Body(bad), r => r.Headers.Add("X-Api-Key", Key));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var payload = response.Json!["data"]!["importBundle"]!;
        Assert.False(payload["accepted"]!.GetValue<bool>());
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal(
            ("InvalidBundleError", "\"zzz\" does not occur in the article text.", "$.statements[0].evidence[0].text"),
            ((string?)error["__typename"], (string?)error["message"], (string?)error["path"]));
        Assert.Equal(0, await StatementCountAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_and_writes_nothing()
    {
        var response = await SendAsync(Body(Velmora, dryRun: true), r => r.Headers.Add("X-Api-Key", Key));
        var payload = response.Json!["data"]!["importBundle"]!;
        Assert.Equal((true, true), (payload["accepted"]!.GetValue<bool>(), payload["dryRun"]!.GetValue<bool>()));
        Assert.Equal(0, await StatementCountAsync());
    }
}

/// <summary>Reads closed by configuration.</summary>
public sealed class ClosedReadsTests
{
    [Fact]
    public async Task When_reads_need_a_key_a_query_without_one_is_a_401()
    {
        await using var host = new ApiFactory { Settings = { ["Seed:Enabled"] = "false", ["Auth:ApiKeys:reader"] = "k", ["Auth:RequireKeyForReads"] = "true" } };
        using var http = host.CreateClient();
        var refused = await GraphQLWire.PostAsync(http, new { query = "{ statements { totalCount } }" });
        Assert.Equal((HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED"), (refused.Status, refused.Code));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ statements { totalCount } }" }) };
        request.Headers.Add("X-Api-Key", "k");
        var allowed = await GraphQLWire.SendAsync(http, request);
        Assert.Equal("{\"statements\":{\"totalCount\":0}}", allowed.Json!["data"]!.ToJsonString());
    }
}
