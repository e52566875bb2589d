using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Infrastructure;

/// <summary>One HTTP harness for every end-to-end test: POST and GET to /graphql.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null, string accept = "application/graphql-response+json") =>
        SendRawAsync(JsonSerializer.Serialize(new { query, variables, operationName }), accept: accept);

    public async Task<GraphQLResponse> SendRawAsync(string body, string contentType = "application/json", string? accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await SendAsync(request);
    }

    public async Task<GraphQLResponse> GetAsync(string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query)
            + (variables is null ? string.Empty : "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables)));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(request);
    }

    // The raw exchange is GraphQLWire's; this client only gives it the shape most tests read.
    private async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        var wire = await GraphQLWire.SendAsync(Http, request);
        return new GraphQLResponse(
            wire.Status,
            wire.Header("Content-Type"),
            wire.Json,
            wire.Text,
            wire.Header("KG-Store-Round-Trips") is { } trips ? int.Parse(trips, System.Globalization.CultureInfo.InvariantCulture) : null,
            wire.Header("Allow"));
    }
}

/// <summary>What the endpoint answered.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, JsonNode? Json, string Text, int? StoreCalls, string? Allow)
{
    public JsonNode Data => Json?["data"] ?? throw new InvalidOperationException($"No data in: {Text}");

    public JsonArray? Errors => Json?["errors"] as JsonArray;

    /// <summary>Fails with the response text when the response has errors.</summary>
    public GraphQLResponse EnsureNoErrors()
    {
        if (Status != HttpStatusCode.OK || Errors is { Count: > 0 })
        {
            throw new InvalidOperationException($"Expected a clean 200 but got {(int)Status}: {Text}");
        }

        return this;
    }

    /// <summary>The first error's message and code.</summary>
    public (string Message, string? Code) FirstError =>
        Errors is { Count: > 0 } errors
            ? (errors[0]!["message"]!.GetValue<string>(), errors[0]!["extensions"]?["code"]?.GetValue<string>())
            : throw new InvalidOperationException($"Expected errors but got: {Text}");
}
