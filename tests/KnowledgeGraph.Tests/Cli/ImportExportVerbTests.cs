using System.Text.Json.Nodes;
using KnowledgeGraph.Tests.Import;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Cli;

/// <summary>The import and export verbs through their entry point, on real SQLite files.</summary>
public sealed class ImportExportVerbTests : IDisposable
{
    private const string Header = "record\tcreated\tupdated\tunchanged\tmerged\trejected";
    private readonly VerbRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Table(string output) =>
        string.Join("\n", output.Split('\n').SkipWhile(l => l != Header).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0));

    [Fact]
    public async Task Import_lands_every_document_with_a_summary_and_a_second_run_changes_nothing()
    {
        var (exit, output, error) = await _cli.RunAsync("import", Seed.Directory, ImportStore.Fixtures);

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Equal(
            [
                "000_7ec11662766b884c.json: landed (created 55, updated 0, unchanged 0, merged 0, rejected 0)",
                "010_second-outlet.v2.json: landed (created 1, updated 0, unchanged 2, merged 1, rejected 0)",
                "020_velmora.v1.json: landed (created 6, updated 0, unchanged 0, merged 0, rejected 0)",
                "030_velmora-herald.v2.json: landed (created 2, updated 0, unchanged 1, merged 2, rejected 0)",
            ],
            output.Split('\n').Where(l => l.Contains(": landed", StringComparison.Ordinal)));
        Assert.Equal(
            $"""
            {Header}
            Person	5	0	1	1	0
            Organisation	13	0	0	0	0
            Place	19	0	2	0	0
            Statement	22	0	0	2	0
            Negotiation	1	0	0	0	0
            Article	4	0	0	0	0
            4 of 4 document(s) landed; 24 statement(s).
            """.ReplaceLineEndings("\n"),
            Table(output));

        var again = await _cli.RunAsync("import", Seed.Directory, ImportStore.Fixtures);
        Assert.Equal(0, again.Exit);
        Assert.Equal(
            $"""
            {Header}
            Person	0	0	7	0	0
            Organisation	0	0	13	0	0
            Place	0	0	21	0	0
            Statement	0	0	24	0	0
            Negotiation	0	0	1	0	0
            Article	0	0	4	0	0
            4 of 4 document(s) landed; 24 statement(s).
            """.ReplaceLineEndings("\n"),
            Table(again.Out));
    }

    [Fact]
    public async Task A_dry_run_reports_and_writes_nothing()
    {
        var (exit, output, _) = await _cli.RunAsync("import", "--dry-run", Seed.Directory);
        Assert.Equal(0, exit);
        Assert.Contains("000_7ec11662766b884c.json: would land (created 55, updated 0, unchanged 0, merged 0, rejected 0)", output, StringComparison.Ordinal);
        Assert.Contains("1 of 1 document(s) would land (dry run: nothing written); 21 statement(s).", output, StringComparison.Ordinal);

        var export = await _cli.RunAsync("export");
        var graph = JsonNode.Parse(export.Out)!;
        Assert.Equal((0, 0, 0), (graph["articles"]!.AsArray().Count, graph["places"]!.AsArray().Count, graph["statements"]!.AsArray().Count));
    }

    [Fact]
    public async Task A_rejected_document_exits_1_names_every_problem_and_the_others_still_land()
    {
        var bad = Path.Combine(_cli.Directory, "bad.json");
        await File.WriteAllTextAsync(bad, """{ "format": "knowledge-graph/v1", "places": [{ "key": "x", "name": "X", "kind": "PLANET", "containedIn": "nowhere" }] }""", TestContext.Current.CancellationToken);

        var (exit, output, error) = await _cli.RunAsync("import", bad, Path.Combine(ImportStore.Fixtures, "020_velmora.v1.json"));

        Assert.Equal(1, exit);
        Assert.Equal(
            """
            bad.json was rejected with 2 problem(s); nothing of it was written:
              $.places[0].kind: "PLANET" is not a PlaceKind; expected one of COUNTRY, REGION, DISTRICT, CITY, TOWN, VILLAGE, OTHER.
              $.places[0].containedIn: No place has the key "nowhere" in this bundle or in the store.

            """.ReplaceLineEndings("\n"),
            error.ReplaceLineEndings("\n"));
        Assert.Contains("bad.json: REJECTED (created 0, updated 0, unchanged 0, merged 0, rejected 1)", output, StringComparison.Ordinal);
        Assert.Contains("1 of 2 document(s) landed; 1 statement(s).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_input_takes_NDJSON_one_document_a_line()
    {
        var ndjson = """
            { "format": "knowledge-graph/v2", "places": [{ "name": "Duchy of Astrein", "kind": "COUNTRY" }] }
            { "format": "knowledge-graph/v2", "places": [{ "name": "Velmora", "kind": "TOWN", "containedIn": "Duchy of Astrein" }] }
            """;
        var (exit, output, _) = await _cli.RunWithInputAsync(ndjson, "import", "-");
        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "stdin:1: landed (created 1, updated 0, unchanged 0, merged 0, rejected 0)",
                "stdin:2: landed (created 1, updated 0, unchanged 0, merged 0, rejected 0)",
            ],
            output.Split('\n').Where(l => l.StartsWith("stdin:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_store_gives_the_same_graph()
    {
        Assert.Equal(0, (await _cli.RunAsync("import", Seed.Directory, ImportStore.Fixtures)).Exit);
        var file = Path.Combine(_cli.Directory, "export.json");
        Assert.Equal(0, (await _cli.RunAsync("export", file)).Exit);
        var first = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);

        using var empty = new VerbRunner();
        var (exit, output, error) = await empty.RunAsync("import", file);
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("export.json: landed (created 64, updated 0, unchanged 0, merged 0, rejected 0)", output, StringComparison.Ordinal);
        var second = await empty.RunAsync("export");
        Assert.Equal(first.TrimEnd(), second.Out.TrimEnd());

        var graph = JsonNode.Parse(first)!;
        Assert.Equal((4, 19, 13, 5, 1, 22), (graph["articles"]!.AsArray().Count, graph["places"]!.AsArray().Count, graph["organisations"]!.AsArray().Count, graph["people"]!.AsArray().Count, graph["negotiations"]!.AsArray().Count, graph["statements"]!.AsArray().Count));
    }

    [Fact]
    public async Task Export_of_one_article_holds_its_statements_with_its_evidence_and_what_they_refer_to()
    {
        Assert.Equal(0, (await _cli.RunAsync("import", Seed.Directory, ImportStore.Fixtures)).Exit);
        var (exit, output, _) = await _cli.RunAsync("export", "--article", Seed.Id(Domain.Ids.NodeType.Article, "010-second-outlet"));
        Assert.Equal(0, exit);

        var graph = JsonNode.Parse(output)!;
        var statement = graph["statements"]!.AsArray().Single()!;
        Assert.Equal("medvedev-new-realities-on-the-ground", (string?)statement["key"]);
        Assert.Equal(["010-second-outlet"], statement["evidence"]!.AsArray().Select(e => (string?)e!["article"]));
        Assert.Equal(["dmitry-medvedev"], graph["people"]!.AsArray().Select(p => (string?)p!["key"]));
        Assert.Equal(["010-second-outlet"], graph["articles"]!.AsArray().Select(a => (string?)a!["key"]));
        Assert.Contains("ukraine", graph["places"]!.AsArray().Select(p => (string?)p!["key"]));
        Assert.Contains("istanbul-peace-talks", graph["negotiations"]!.AsArray().Select(n => (string?)n!["key"]));

        var missing = await _cli.RunAsync("export", "--article", "no-such-article");
        Assert.Equal((1, "No article has the key or id \"no-such-article\".\n"), (missing.Exit, missing.Error.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task A_running_server_on_the_same_database_answers_with_imported_data_at_once()
    {
        await using var host = new ApiFactory { Settings = { ["Seed:Enabled"] = "false" } };
        var client = host.CreateClient();
        const string query = "{ statements { totalCount } }";
        Assert.Equal("{\"statements\":{\"totalCount\":0}}", (await GraphQLWire.PostAsync(client, new { query })).EnsureNoErrors().Data.ToJsonString());

        using var cli = new VerbRunner(host.DatabasePath);
        Assert.Equal(0, (await cli.RunAsync("import", Seed.Directory)).Exit);

        Assert.Equal("{\"statements\":{\"totalCount\":21}}", (await GraphQLWire.PostAsync(client, new { query })).EnsureNoErrors().Data.ToJsonString());
    }
}
