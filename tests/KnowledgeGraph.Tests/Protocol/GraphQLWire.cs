using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Tests.Protocol;

/// <summary>
/// The one HTTP harness of the end-to-end tests: GraphQL over POST and GET to the real host,
/// answering with status, headers, the parsed body and the raw text.
/// </summary>
public static class GraphQLWire
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The header with the request id the server logs.</summary>
    public const string RequestIdHeader = "KG-Request-Id";

    public static Task<WireResponse> PostAsync(HttpClient http, object body, string accept = GraphQLResponse, string path = "/graphql") =>
        SendRawAsync(http, JsonSerializer.Serialize(body), accept, path);

    /// <summary>A POST of one operation and its variables, the way most tests ask a question.</summary>
    public static Task<WireResponse> QueryAsync(HttpClient http, string query, object? variables = null) =>
        PostAsync(http, new { query, variables });

    /// <summary>A POST of this exact body, sent as <paramref name="contentType"/>.</summary>
    public static async Task<WireResponse> SendRawAsync(HttpClient http, string body, string accept = GraphQLResponse, string path = "/graphql", string contentType = Json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(http, request);
    }

    /// <summary>A GET with these query-string parameters (JSON-encoded when not strings).</summary>
    public static async Task<WireResponse> GetAsync(HttpClient http, IReadOnlyDictionary<string, object> parameters, string accept = GraphQLResponse)
    {
        var query = string.Join("&", parameters.Select(p =>
            p.Key + "=" + Uri.EscapeDataString(p.Value as string ?? JsonSerializer.Serialize(p.Value))));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + query);
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(http, request);
    }

    public static async Task<WireResponse> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
        }

        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new WireResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, headers, json, text);
    }

    /// <summary>The answer to the first person and the count of people, which must be <paramref name="expected"/>.</summary>
    public static async Task AssertPeopleAsync(HttpClient http, string expected)
    {
        var response = await PostAsync(http, new { query = "{ people(first: 1) { totalCount nodes { key } } }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json?["errors"]);
        Assert.Equal(expected, response.Json!["data"]!.ToJsonString());
    }

    /// <summary>The same server still answers an ordinary query after a refused one.</summary>
    public static async Task AssertStillServesAsync(HttpClient http)
    {
        var response = await PostAsync(http, new { query = "{ people(first: 1) { totalCount nodes { key } } }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json?["errors"]);
        Assert.Equal("{\"people\":{\"totalCount\":4,\"nodes\":[{\"key\":\"dmitry-medvedev\"}]}}", response.Json!["data"]!.ToJsonString());
    }
}

/// <summary>What the server answered.</summary>
public sealed record WireResponse(HttpStatusCode Status, string? MediaType, IReadOnlyDictionary<string, string> Headers, JsonNode? Json, string Text)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The whole Content-Type header, parameters included.</summary>
    public string? ContentType => Header("Content-Type");

    /// <summary>The store calls the server reports having made for this request.</summary>
    public int? StoreCalls => Header("KG-Store-Round-Trips") is { } calls ? int.Parse(calls, System.Globalization.CultureInfo.InvariantCulture) : null;

    public JsonNode Data => Json?["data"] ?? throw new InvalidOperationException($"No data in: {Text}");

    /// <summary>Fails with the response text unless the answer is a 200 without errors.</summary>
    public WireResponse EnsureNoErrors()
    {
        if (Status != HttpStatusCode.OK || Json?["errors"] is JsonArray { Count: > 0 })
        {
            throw new InvalidOperationException($"Expected a clean 200 but got {(int)Status}: {Text}");
        }

        return this;
    }

    /// <summary>The first error's message and code.</summary>
    public (string Message, string? Code) FirstError =>
        Json?["errors"] is JsonArray { Count: > 0 } errors
            ? (errors[0]!["message"]!.GetValue<string>(), errors[0]!["extensions"]?["code"]?.GetValue<string>())
            : throw new InvalidOperationException($"Expected errors but got: {Text}");

    public JsonArray Errors => Json?["errors"] as JsonArray ?? throw new InvalidOperationException($"Expected errors but got {(int)Status}: {Text}");

    /// <summary>The only error, which must be the only one.</summary>
    public JsonNode SingleError => Assert.Single(Errors)!;

    public string Code => SingleError["extensions"]?["code"]?.GetValue<string>() ?? throw new InvalidOperationException($"No code in: {Text}");

    public string Message => SingleError["message"]!.GetValue<string>();

    /// <summary>The request id of the single error, which must match the response header.</summary>
    public string RequestId => SingleError["extensions"]?["requestId"]?.GetValue<string>() ?? throw new InvalidOperationException($"No requestId in: {Text}");
}
