using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Tests.Cli;

/// <summary>
/// Export then import into an empty store gives the same graph with what edits left behind: a
/// retracted statement stays retracted (with its first reason and time), and a key merged into
/// another record keeps resolving to it. Real SQLite files; the harbour town and its people are fictional.
/// </summary>
public sealed class ExportRoundTripTests : IDisposable
{
    private const string Text = "Brannholm, 4 May. Harbour master Mira Holt said: \"The north pier closes for repairs in June.\" Her deputy, M. Holt's colleague Ansel Pike, agreed.";

    private static readonly string Bundle = new JsonObject
    {
        ["format"] = "knowledge-graph/v2",
        ["articles"] = new JsonArray(new JsonObject { ["key"] = "brannholm-pier", ["title"] = "Brannholm pier", ["text"] = Text }),
        ["people"] = new JsonArray(
            new JsonObject { ["key"] = "mira-holt", ["name"] = "Mira Holt" },
            new JsonObject { ["key"] = "m-holt", ["name"] = "M. Holt", ["aliases"] = new JsonArray("Harbour master Holt") }),
        ["statements"] = new JsonArray(new JsonObject
        {
            ["key"] = "holt-pier-closes",
            ["text"] = "The north pier closes for repairs in June.",
            ["kind"] = "ANNOUNCEMENT",
            ["direct"] = true,
            ["speaker"] = new JsonObject { ["person"] = "m-holt" },
            ["evidence"] = new JsonArray(new JsonObject { ["article"] = "brannholm-pier", ["text"] = "\"The north pier closes for repairs in June.\"" }),
        }),
    }.ToJsonString();

    private static readonly DateTimeOffset RetractedAt = new(2026, 5, 6, 9, 30, 0, 250, TimeSpan.Zero);

    private readonly VerbRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_retracted_statement_and_a_merged_key_survive_export_and_import()
    {
        Assert.Equal(0, (await _cli.RunWithInputAsync(Bundle, "import", "-")).Exit);
        var store = new SqliteGraphStore(_cli.DatabasePath);
        var change = new ChangeEntry("0193", RetractedAt, "editor", "mergeNodes", [new ChangedNode(new NodeId(NodeType.Person, "mira-holt"), RecordOutcome.Updated)]);
        Assert.Equal(Domain.Editing.MergeOutcome.Merged, await store.MergeAsync(new NodeId(NodeType.Person, "mira-holt"), new NodeId(NodeType.Person, "m-holt"), change, Cancel));
        Assert.Equal(Domain.Editing.RetractOutcome.Retracted, await store.RetractAsync("holt-pier-closes", "The harbour office withdrew the notice.", RetractedAt, null, Cancel));

        var file = Path.Combine(_cli.Directory, "export.json");
        Assert.Equal(0, (await _cli.RunAsync("export", file)).Exit);
        var first = await File.ReadAllTextAsync(file, Cancel);
        var graph = JsonNode.Parse(first)!;
        var retraction = graph["statements"]![0]!["retraction"]!;
        Assert.Equal(("The harbour office withdrew the notice.", "2026-05-06T09:30:00.2500000+00:00"), ((string?)retraction["reason"], (string?)retraction["at"]));
        Assert.Equal("""[{"type":"Person","key":"m-holt","survivor":"mira-holt"}]""", graph["redirects"]!.ToJsonString());

        using var empty = new VerbRunner();
        var (exit, output, error) = await empty.RunAsync("import", file);
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("export.json: landed (created 3, updated 0, unchanged 0, merged 0, rejected 0)", output, StringComparison.Ordinal);
        Assert.Equal(first.TrimEnd(), (await empty.RunAsync("export")).Out.TrimEnd());

        var copy = new SqliteGraphStore(empty.DatabasePath);
        var statement = Assert.Single(await copy.GetAsync<Statement>(["holt-pier-closes"], Cancel));
        Assert.Equal(new Retraction("The harbour office withdrew the notice.", RetractedAt), statement.Retraction);
        var resolved = await copy.ResolveAsync<Person>(["m-holt"], Cancel);
        Assert.Equal("mira-holt", resolved["m-holt"].Key);
        Assert.Equal(["M. Holt", "Harbour master Holt"], resolved["m-holt"].Aliases);

        // Importing it again changes nothing: the retraction keeps its first reason and time.
        var again = await empty.RunAsync("import", file);
        Assert.Contains("export.json: landed (created 0, updated 0, unchanged 3, merged 0, rejected 0)", again.Out, StringComparison.Ordinal);
        var retractedAgain = JsonNode.Parse(first)!;
        retractedAgain["statements"]![0]!["retraction"] = new JsonObject { ["reason"] = "Another reason.", ["at"] = "2026-06-01T00:00:00Z" };
        var (againExit, againOut, _) = await empty.RunWithInputAsync(retractedAgain.ToJsonString(), "import", "-");
        Assert.Equal(0, againExit);
        Assert.Contains("stdin: landed (created 0, updated 0, unchanged 3, merged 0, rejected 0)", againOut, StringComparison.Ordinal);
        Assert.Equal(first.TrimEnd(), (await empty.RunAsync("export")).Out.TrimEnd());
    }

    [Fact]
    public async Task A_redirect_that_names_a_stored_record_or_another_survivor_is_refused()
    {
        Assert.Equal(0, (await _cli.RunWithInputAsync(Bundle, "import", "-")).Exit);
        var store = new SqliteGraphStore(_cli.DatabasePath);
        await store.MergeAsync(new NodeId(NodeType.Person, "mira-holt"), new NodeId(NodeType.Person, "m-holt"), null, Cancel);
        const string Ansel = """{ "key": "ansel-pike", "name": "Ansel Pike" }""";

        var (exit, _, error) = await _cli.RunWithInputAsync(
            $$"""{ "format": "knowledge-graph/v2", "people": [{{Ansel}}], "redirects": [{ "type": "Person", "key": "mira-holt", "survivor": "ansel-pike" }, { "type": "Person", "key": "m-holt", "survivor": "ansel-pike" }] }""",
            "import",
            "-");

        Assert.Equal(1, exit);
        Assert.Equal(
            """
            stdin was rejected with 2 problem(s); nothing of it was written:
              $.redirects[0].key: A Person with the key "mira-holt" is stored; a merged key names no record (merge it with mergeNodes instead).
              $.redirects[1].survivor: The Person key "m-holt" was merged into "mira-holt" already, not into "ansel-pike".

            """.ReplaceLineEndings("\n"),
            error.ReplaceLineEndings("\n"));
        Assert.Empty(await store.GetAsync<Person>(["ansel-pike"], Cancel));
    }
}
