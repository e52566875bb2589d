using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Tests.Unit;

/// <summary>The importer's rules, checked against a real (empty) SQLite store.</summary>
public sealed class BundleValidationTests : IDisposable
{
    private const string Text = "Kyiv said: “No.” Moscow said: “Yes.”";
    private readonly string _path = Path.Combine(Path.GetTempPath(), "kg-bundle-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly SqliteGraphStore _store;

    public BundleValidationTests()
    {
        _store = new SqliteGraphStore(_path);
        _store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private Task<GraphBatch> ValidateAsync(string json) =>
        new BundleImporter(_store, _store).ValidateAsync("test.json", json, name => name == "a.txt" ? Text : null, TestContext.Current.CancellationToken);

    private Task<GraphBatch> ImportAsync(string json) =>
        new BundleImporter(_store, _store).ImportAsync("test.json", json, name => name == "a.txt" ? Text : null, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_valid_bundle_becomes_a_batch()
    {
        var batch = await ValidateAsync("""
            {
              "format": "knowledge-graph/v1",
              "articles": [{ "key": "a", "textFile": "a.txt" }],
              "places": [{ "key": "ukraine", "name": "Ukraine", "kind": "COUNTRY" }, { "key": "kyiv", "name": "Kyiv", "kind": "CITY", "containedIn": "ukraine" }],
              "organisations": [{ "key": "government-of-ukraine", "name": "Government of Ukraine", "kind": "GOVERNMENT", "aliases": ["Kyiv"], "country": "ukraine" }],
              "statements": [{ "key": "kyiv-says-no", "text": "No.", "kind": "REJECTION", "direct": true,
                               "speaker": { "organisation": "government-of-ukraine" }, "about": ["kyiv"],
                               "evidence": [{ "article": "a", "start": 11, "end": 16, "text": "“No.”" }] }]
            }
            """);
        Assert.Equal(5, batch.Count);
        var statement = Assert.Single(batch.Statements);
        Assert.Equal("“No.”", statement.Evidence[0].Text);
    }

    [Fact]
    public async Task Every_problem_is_reported_with_its_path_and_nothing_is_accepted()
    {
        // Imported, not only validated: the import must refuse the whole bundle and write nothing.
        var error = await Assert.ThrowsAsync<ImportException>(() => ImportAsync("""
            {
              "format": "knowledge-graph/v9",
              "articles": [{ "key": "a", "textFile": "a.txt", "publishedAt": "2025-06-08" }],
              "places": [
                { "key": "x", "name": "X", "kind": "COUNTRY", "containedIn": "y" },
                { "key": "y", "name": "Y", "kind": "REGION", "containedIn": "x" },
                { "key": "z", "name": "Z", "kind": "PLANET" }
              ],
              "people": [{ "key": "Bad Key", "name": "Someone" }],
              "statements": [
                { "key": "s1", "text": "No.", "kind": "REJECTION", "direct": true, "speaker": { "person": "nobody", "organisation": "nobody" },
                  "date": "08/06/2025", "about": ["kyiv"], "evidence": [{ "article": "a", "start": 11, "end": 16, "text": "No." }] },
                { "key": "s1", "text": "Yes.", "kind": "CLAIM", "direct": false, "evidence": [] },
                { "key": "s3", "text": "Yes.", "kind": "CLAIM", "direct": false, "evidence": [{ "article": "a", "start": 30, "end": 99, "text": "x" }] }
              ]
            }
            """));
        Assert.Equal(
            [
                "$.format: Expected \"knowledge-graph/v1\" or \"knowledge-graph/v2\" but found \"knowledge-graph/v9\".",
                "$.articles[0].publishedAt: \"2025-06-08\" is not an ISO 8601 date-time with an offset, such as 2025-06-08T10:00:00+05:30.",
                "$.places[2].kind: \"PLANET\" is not a PlaceKind; expected one of COUNTRY, REGION, DISTRICT, CITY, TOWN, VILLAGE, OTHER.",
                "$.people[0].key: \"Bad Key\" is not a key: expected a slug matching ^[a-z0-9]+(?:-[a-z0-9]+)*$, at most 120 characters.",
                "$.statements[0].speaker: Name exactly one of \"person\" or \"organisation\" (or make the speaker null when unnamed).",
                "$.statements[0].date: \"08/06/2025\" is not a date; expected YYYY-MM-DD.",
                "$.statements[1].key: The statement key \"s1\" is defined twice in this bundle.",
                "$.statements[1].evidence: A statement needs at least one evidence span: a statement without evidence is a rumour.",
                "$.places[0].containedIn: Containment is a cycle: x → y → x.",
                "$.statements[0].about[0]: No place has the key \"kyiv\" in this bundle or in the store.",
                "$.statements[0].evidence[0].text: Does not match the article at [11, 16), which reads \"“No.”\". That text is found at [12, 15).",
                "$.statements[2].evidence[0]: The span [30, 99) is not inside the article text (length 36); expected 0 <= start < end <= length.",
            ],
            error.Problems.Select(p => p.ToString()));
        Assert.True(await _store.IsEmptyAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, (await _store.ListAsync<Domain.Model.Place>(null, [], new Domain.Query.PageRequest(0, null, null, null, true), TestContext.Current.CancellationToken)).TotalCount);
    }

    [Fact]
    public async Task Malformed_JSON_and_unknown_fields_are_refused_with_their_location()
    {
        var malformed = await Assert.ThrowsAsync<ImportException>(() => ValidateAsync("{ \"format\": \"knowledge-graph/v1\", \"places\": [ { \"key\": } ] }"));
        Assert.Equal("$.places[0].key", Assert.Single(malformed.Problems).Path);

        var unknown = await Assert.ThrowsAsync<ImportException>(() => ValidateAsync("{ \"format\": \"knowledge-graph/v1\", \"places\": [ { \"key\": \"x\", \"population\": 3 } ] }"));
        var problem = Assert.Single(unknown.Problems);
        Assert.Equal("$.places[0].population", problem.Path);
        Assert.Contains("population", problem.Message, StringComparison.Ordinal);
    }
}
