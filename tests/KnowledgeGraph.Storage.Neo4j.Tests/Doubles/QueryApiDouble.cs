using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

/// <summary>One request the double received.</summary>
public sealed record RecordedRequest(
    int Number,
    string Method,
    string Path,
    string? Authorization,
    string? Accept,
    string? ContentType,
    string Statement,
    JsonObject Parameters);

/// <summary>What the double answers to one request.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body, or null for none.</param>
/// <param name="Abort">Reset the connection instead of answering.</param>
/// <param name="Delay">Wait this long before answering.</param>
public sealed record Reply(int Status, string? Body, bool Abort = false, TimeSpan Delay = default)
{
    private const string Bookmark = "FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ";

    /// <summary>202 with <c>data.fields</c> and <c>data.values</c>, values in plain JSON, as the Query API answers by default.</summary>
    public static Reply Rows(string[] fields, params JsonNode?[][] rows) =>
        new(202, new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
                ["values"] = new JsonArray(rows.Select(r => (JsonNode?)new JsonArray(r.Select(v => v?.DeepClone()).ToArray())).ToArray()),
            },
            ["bookmarks"] = new JsonArray(JsonValue.Create(Bookmark)),
        }.ToJsonString());

    /// <summary>A 202 with no rows.</summary>
    public static Reply Empty(params string[] fields) => Rows(fields);

    /// <summary>An error answer: <c>{"errors": [{"code", "message"}]}</c> with the given status.</summary>
    public static Reply Error(int status, string code, string message) =>
        new(status, new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
        }.ToJsonString());

    /// <summary>A 202 whose body carries data and then errors, as when a failure happens while streaming.</summary>
    public static Reply ErrorWhileStreaming(string[] fields, string code, string message) =>
        new(202, new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
                ["values"] = new JsonArray(),
            },
            ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
        }.ToJsonString());

    /// <summary>Wraps a plain JSON value in the typed format (<c>{"$type", "_value"}</c>) of <c>application/vnd.neo4j.query</c>.</summary>
    public static JsonNode Typed(JsonNode? value) => value switch
    {
        null => new JsonObject { ["$type"] = "Null", ["_value"] = null },
        JsonArray list => new JsonObject { ["$type"] = "List", ["_value"] = new JsonArray(list.Select(v => (JsonNode?)Typed(v)).ToArray()) },
        JsonObject map => new JsonObject
        {
            ["$type"] = "Map",
            ["_value"] = new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Typed(p.Value)))),
        },
        JsonValue v when v.GetValueKind() == JsonValueKind.String => new JsonObject { ["$type"] = "String", ["_value"] = v.DeepClone() },
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => new JsonObject { ["$type"] = "Boolean", ["_value"] = v.DeepClone() },
        JsonValue v => new JsonObject { ["$type"] = "Integer", ["_value"] = v.ToJsonString() },
        _ => throw new ArgumentException($"Cannot type {value.GetType().Name}.", nameof(value)),
    };
}

/// <summary>
/// A test double of Neo4j's HTTP Query API: a real HTTP endpoint on 127.0.0.1 (Kestrel on a
/// free port) that records every request and answers with the shapes the Query API documents.
/// It runs no Cypher: each answer comes from <see cref="Responder"/>.
/// </summary>
public sealed class QueryApiDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _count;

    private QueryApiDouble(WebApplication app, Uri uri)
    {
        _app = app;
        Uri = uri;
    }

    /// <summary>The server's address, to configure as <c>Neo4j:Uri</c>.</summary>
    public Uri Uri { get; }

    /// <summary>Answers each request; by default a 202 with no rows.</summary>
    public Func<RecordedRequest, Reply> Responder { get; set; } = _ => Reply.Empty();

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>How many requests arrived (including those answered by a reset).</summary>
    public int RequestCount => Volatile.Read(ref _count);

    /// <summary>Answers the first <paramref name="failures"/> requests with <paramref name="failure"/>, then with <paramref name="then"/>.</summary>
    public void Flaky(int failures, Reply failure, Reply then) =>
        Responder = request => request.Number <= failures ? failure : then;

    public static async Task<QueryApiDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        QueryApiDouble? self = null;
        app.Run(context => self!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new QueryApiDouble(app, new Uri(address));
        return self;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        var body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
        var request = new RecordedRequest(
            Interlocked.Increment(ref _count),
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Request.Headers.Accept.ToString() is { Length: > 0 } accept ? accept : null,
            context.Request.ContentType,
            body["statement"]?.GetValue<string>() ?? string.Empty,
            body["parameters"] as JsonObject ?? new JsonObject());
        _requests.Enqueue(request);

        var reply = Responder(request);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
