using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Writes;

/// <summary>
/// The real host on a fresh SQLite file, holding the fictional Ostria bundle
/// (<c>Fixtures/Edit/ostria.v2.json</c>), with an editor's API key for mutations.
/// </summary>
public sealed class EditHost : IAsyncDisposable
{
    public const string Key = "edit-key-7b3f2c";

    private readonly ApiFactory _host = new() { Settings = { ["Seed:Enabled"] = "false", ["Auth:ApiKeys:editor"] = Key } };
    private HttpClient _http = null!;

    public static string Bundle => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Edit", "ostria.v2.json"));

    public HttpClient Http => _http;

    public string DatabasePath => _host.DatabasePath;

    public static string Id(NodeType type, string key) => new NodeId(type, key).Encode();

    public static async Task<EditHost> StartAsync()
    {
        var host = new EditHost();
        host._http = host._host.CreateClient();
        var imported = await host.MutateAsync(
            "mutation($input: ImportBundleInput!) { importBundle(input: $input) { accepted errors { ... on Error { message } } } }",
            new { input = new { bundle = Bundle } });
        Assert.True(imported["importBundle"]!["accepted"]!.GetValue<bool>(), imported.ToJsonString());
        return host;
    }

    /// <summary>Runs a query without a key; fails the test on any GraphQL error.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await GraphQLWire.PostAsync(_http, new { query, variables });
        Assert.True(response.Status == HttpStatusCode.OK && response.Json?["errors"] is null, response.Text);
        return response.Json!["data"]!;
    }

    /// <summary>Runs a mutation with the editor's key; fails the test on any GraphQL error.</summary>
    public async Task<JsonNode> MutateAsync(string mutation, object variables)
    {
        var response = await SendAsync(new { query = mutation, variables }, withKey: true);
        Assert.True(response.Status == HttpStatusCode.OK && response.Json?["errors"] is null, response.Text);
        return response.Json!["data"]!;
    }

    public Task<WireResponse> SendAsync(object body, bool withKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd(GraphQLWire.GraphQLResponse);
        if (withKey)
        {
            request.Headers.Add("X-Api-Key", Key);
        }

        return GraphQLWire.SendAsync(_http, request);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }
}
