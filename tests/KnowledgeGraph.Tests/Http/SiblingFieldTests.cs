using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Http;

/// <summary>
/// Sibling fields of one request share a store call only when their arguments are exactly the
/// same: two aliased fields whose filters differ in any way, however slightly, get their own pages.
/// </summary>
public sealed class SiblingFieldTests : IAsyncLifetime
{
    // A fictional weather office and two reports of it, published 0.5 s and 1.5 s after ten o'clock.
    private const string Text = "The Northmarch Weather Office said the spring floods had passed.";

    private readonly string _seed = Path.Combine(Path.GetTempPath(), "kg-sibling-" + Guid.NewGuid().ToString("N"));
    private ApiFactory _host = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_seed);
        await File.WriteAllTextAsync(Path.Combine(_seed, "weather.txt"), Text, TestContext.Current.CancellationToken);
        var span = $"\"start\": 0, \"end\": {Text.Length}, \"text\": \"{Text}\"";
        await File.WriteAllTextAsync(Path.Combine(_seed, "001_weather.json"), $$"""
            {
              "format": "knowledge-graph/v1",
              "articles": [
                { "key": "early-report", "textFile": "weather.txt", "publisher": "Northmarch Courier", "publishedAt": "2026-01-05T10:00:00.5Z" },
                { "key": "late-report", "textFile": "weather.txt", "publisher": "Northmarch Courier", "publishedAt": "2026-01-05T10:00:01.5Z" }
              ],
              "places": [{ "key": "northmarch", "name": "Northmarch", "kind": "COUNTRY" }],
              "organisations": [{ "key": "northmarch-weather-office", "name": "Northmarch Weather Office", "kind": "OTHER", "country": "northmarch" }],
              "statements": [
                { "key": "floods-passed-early", "text": "The spring floods had passed.", "kind": "CLAIM", "direct": false,
                  "speaker": { "organisation": "northmarch-weather-office" }, "about": ["northmarch"],
                  "evidence": [{ "article": "early-report", {{span}} }] },
                { "key": "floods-passed-late", "text": "The spring floods had passed, it said again.", "kind": "CLAIM", "direct": false,
                  "speaker": { "organisation": "northmarch-weather-office" }, "about": ["northmarch"],
                  "evidence": [{ "article": "late-report", {{span}} }] }
              ]
            }
            """, TestContext.Current.CancellationToken);
        _host = new ApiFactory { Settings = { ["Seed:Directory"] = _seed } };
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_seed, recursive: true);
    }

    [Theory]
    [InlineData("2026-01-05T10:00:00.100Z", "2026-01-05T10:00:00.900Z", "floods-passed-early,floods-passed-late", "floods-passed-late")]
    [InlineData("2026-01-05T10:00:00.900Z", "2026-01-05T10:00:00.100Z", "floods-passed-late", "floods-passed-early,floods-passed-late")]
    [InlineData("2026-01-05T10:00:00.4999999Z", "2026-01-05T10:00:00.5Z", "floods-passed-early,floods-passed-late", "floods-passed-late")]
    [InlineData("2026-01-05T10:00:00.500Z", "2026-01-05T11:00:00.500+01:00", "floods-passed-late", "floods-passed-late")]
    public async Task Aliased_fields_filtered_on_instants_a_fraction_of_a_second_apart_get_their_own_pages(
        string first, string second, string expectedFirst, string expectedSecond)
    {
        const string query = """
            query ($first: DateTime!, $second: DateTime!) {
              places(where: { name: { eq: "Northmarch" } }) {
                nodes {
                  a: statementsAbout(where: { evidence: { some: { article: { publishedAt: { gt: $first } } } } }) { nodes { key } }
                  b: statementsAbout(where: { evidence: { some: { article: { publishedAt: { gt: $second } } } } }) { nodes { key } }
                }
              }
            }
            """;
        var response = (await GraphQLWire.PostAsync(_host.CreateClient(), new { query, variables = new { first, second } })).EnsureNoErrors();
        var place = response.Data["places"]!["nodes"]![0]!;
        Assert.Equal(
            (expectedFirst, expectedSecond),
            (Keys(place["a"]!), Keys(place["b"]!)));
    }

    [Fact]
    public async Task Aliased_fields_filtered_on_strings_with_odd_characters_get_their_own_pages()
    {
        // Each pair would collide in a key built by joining or trimming text.
        const string query = """
            {
              places(where: { name: { eq: "Northmarch" } }) {
                nodes {
                  a: statementsAbout(where: { text: { in: ["The spring floods had passed.", "x"] } }) { nodes { key } }
                  b: statementsAbout(where: { text: { in: ["The spring floods had passed.,x"] } }) { nodes { key } }
                  c: statementsAbout(where: { text: { eq: "The spring floods had passed, it said again." } }) { nodes { key } }
                  d: statementsAbout(where: { text: { eq: "The spring floods had passed, it said again. " } }) { nodes { key } }
                  e: statementsAbout(where: { or: [{ text: { contains: "\"" } }, { text: { contains: "again" } }] }) { nodes { key } }
                  f: statementsAbout(where: { or: [{ text: { contains: "\", again" } }] }) { nodes { key } }
                }
              }
            }
            """;
        var place = (await GraphQLWire.PostAsync(_host.CreateClient(), new { query })).EnsureNoErrors().Data["places"]!["nodes"]![0]!;
        Assert.Equal(
            ["floods-passed-early", string.Empty, "floods-passed-late", string.Empty, "floods-passed-late", string.Empty],
            new[] { "a", "b", "c", "d", "e", "f" }.Select(alias => Keys(place[alias]!)));
    }

    private static string Keys(System.Text.Json.Nodes.JsonNode connection) =>
        string.Join(",", connection["nodes"]!.AsArray().Select(n => n!["key"]!.GetValue<string>()));
}
