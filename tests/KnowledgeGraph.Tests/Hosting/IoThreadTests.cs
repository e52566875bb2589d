using System.Text;
using System.Text.Json;
using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Tests.Hostile;

namespace KnowledgeGraph.Tests.Hosting;

/// <summary>
/// The API as a child process (a real Kestrel on a real socket, the seed article loaded): with
/// SQLite, a lookup by key executes on the socket thread that read it, and everything whose
/// work its price does not bound moves to the thread pool first; with the setting off, every
/// operation runs on the thread pool. The server says where each operation ran in a debug line.
/// </summary>
public sealed class IoThreadTests
{
    private const string Key = "io-thread-test-key";

    private static Dictionary<string, string> Settings(bool? inline)
    {
        var settings = new Dictionary<string, string>
        {
            ["Logging__LogLevel__KnowledgeGraph.Api.GraphQL.Pipeline.IoThreadPolicy"] = "Debug",
            ["KG_AUTH__APIKEYS__EDITOR"] = Key,
        };
        if (inline is { } value)
        {
            settings["KG_" + IoThreads.InlineSchedulingKey.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()] = value ? "true" : "false";
        }

        return settings;
    }

    [Fact]
    public async Task With_sqlite_a_lookup_runs_on_the_socket_thread_and_unbounded_work_on_the_thread_pool()
    {
        await using var api = await ChildProcessApi.StartAsync(Settings(inline: null));
        var id = (await PostAsync(api, "query People { people(first: 1) { nodes { id } } }"))
            .GetProperty("people").GetProperty("nodes")[0].GetProperty("id").GetString()!;

        // Each twice or more, after a pause: a request that arrives before the server waits for
        // it again is read, and run, by the thread that answered the one before, which for a
        // connection's first request is a thread-pool thread. After a pause, the socket thread
        // reads it. Lookups repeat their document, so the cached document's verdict is used too.
        foreach (var (query, times) in new[]
        {
            ("query Lookup($id: ID!) { node(id: $id) { id ... on Person { name affiliations { role organisation { name } } } } }", 4),
            ("query Statements($id: ID!) { node(id: $id) { ... on Person { statements(first: 2) { nodes { text } } } } }", 3),
            ("query Counted($id: ID!) { node(id: $id) { ... on Person { statements(first: 2) { totalCount } } } }", 2),
            ("query Filtered($id: ID!) { node(id: $id) { ... on Person { statements(first: 2, where: { text: { contains: \"a\" } }) { nodes { text } } } } }", 2),
            ("query Stats { statementStats(groupBy: [PLACE]) { totalCount } }", 2),
            ("query Schema { __schema { queryType { name } } }", 2),
        })
        {
            for (var i = 0; i < times; i++)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
                var data = await PostAsync(api, query, new { id });
                Assert.True(data.EnumerateObject().Any(), query);
            }
        }

        await Task.Delay(100, TestContext.Current.CancellationToken);
        var created = await PostAsync(api, "mutation Create { createPerson(input: { name: \"Ansel Quorin\" }) { person { name } } }");
        Assert.Equal("Ansel Quorin", created.GetProperty("createPerson").GetProperty("person").GetProperty("name").GetString());

        var places = (await PlacesAsync(api, 1 + 4 + 3 + 2 + 2 + 2 + 2 + 1))
            .GroupBy(line => line[..line.IndexOf(':', StringComparison.Ordinal)], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 2)..]).Distinct().Order().ToArray());

        // Lookups ran on the socket thread (not necessarily every time, see above); everything
        // else on the thread pool, every time.
        Assert.Contains("the socket thread", places["Lookup"]);
        Assert.Contains("the socket thread", places["Statements"]);
        foreach (var operation in new[] { "People", "Counted", "Filtered", "Stats", "Schema", "Create" })
        {
            Assert.Equal([$"{operation}: the thread pool"], places[operation].Select(place => $"{operation}: {place}"));
        }
    }

    [Fact]
    public async Task With_inline_scheduling_off_a_lookup_runs_on_the_thread_pool()
    {
        await using var api = await ChildProcessApi.StartAsync(Settings(inline: false));
        var id = (await PostAsync(api, "query People { people(first: 1) { nodes { id } } }"))
            .GetProperty("people").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            await PostAsync(api, "query Lookup($id: ID!) { node(id: $id) { id } }", new { id });
        }

        Assert.Equal(["People: the thread pool", "Lookup: the thread pool", "Lookup: the thread pool", "Lookup: the thread pool"], await PlacesAsync(api, 4));
    }

    private static async Task<JsonElement> PostAsync(ChildProcessApi api, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", Key);
        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(body);
        Assert.False(document.RootElement.TryGetProperty("errors", out _), body);
        return document.RootElement.GetProperty("data").Clone();
    }

    /// <summary>Where each operation ran, from the server's debug lines, in the order they ran (waiting for <paramref name="count"/> of them).</summary>
    private static async Task<string[]> PlacesAsync(ChildProcessApi api, int count)
    {
        const string Marker = "Operation ";
        const string Middle = " executes on ";
        string[] Lines() => [.. api.Output.Where(l => l.Contains(Middle, StringComparison.Ordinal))];

        // The console logger writes from a queue of its own: wait for the lines to arrive.
        for (var i = 0; i < 100 && Lines().Length < count; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return [.. Lines().Select(line =>
        {
            var operation = line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..line.IndexOf(Middle, StringComparison.Ordinal)];
            return $"{operation}: {line[(line.IndexOf(Middle, StringComparison.Ordinal) + Middle.Length)..].TrimEnd('.')}";
        })];
    }
}
