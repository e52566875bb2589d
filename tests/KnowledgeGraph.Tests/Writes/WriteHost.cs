using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Writes;

/// <summary>The real host on a fresh SQLite file, unseeded, with one API key named <c>editor</c>; requests with or without it.</summary>
public sealed class WriteHost : IAsyncDisposable
{
    public const string Key = "velmora-editor-key";

    private readonly ApiFactory _host;

    public WriteHost(bool seeded = false)
    {
        _host = new ApiFactory { Settings = { ["Seed:Enabled"] = seeded ? "true" : "false", ["Auth:ApiKeys:editor"] = Key } };
        Http = _host.CreateClient();
    }

    public HttpClient Http { get; }

    /// <summary>Sends a GraphQL request with the editor's key, another key (<paramref name="key"/>), or none (empty string).</summary>
    public Task<WireResponse> SendAsync(string query, object? variables = null, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd(GraphQLWire.GraphQLResponse);
        if (!string.IsNullOrEmpty(key))
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return GraphQLWire.SendAsync(Http, request);
    }

    /// <summary>The data of a request that must succeed without errors.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var response = await SendAsync(query, variables);
        Assert.True(response.Status == HttpStatusCode.OK && response.Json?["errors"] is null, $"{(int)response.Status}: {response.Text}");
        return response.Json!["data"]!;
    }

    /// <summary>Every change-log entry, newest first, as <c>operation keyName [id outcome, …]</c> lines.</summary>
    public async Task<string[]> ChangesAsync()
    {
        var data = await DataAsync("{ changes(first: 100) { nodes { operation keyName records { id outcome } } } }");
        return data["changes"]!["nodes"]!.AsArray().Select(c =>
            $"{c!["operation"]} {c["keyName"]} [{string.Join(", ", c["records"]!.AsArray().Select(r => $"{Decode((string)r!["id"]!)} {r["outcome"]}"))}]").ToArray();
    }

    /// <summary>The plain text of a global id.</summary>
    public static string Decode(string id) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(id));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }
}
