using System.Text.Json.Nodes;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Evaluation;
using KnowledgeGraph.Extraction.GeoNames;

namespace KnowledgeGraph.Tests.Cli;

/// <summary>The extract and eval verbs through their entry point, on real SQLite files.</summary>
public sealed class ExtractEvalVerbTests : IDisposable
{
    private const string Header = "record\tcreated\tupdated\tunchanged\tmerged\trejected";
    private readonly VerbRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A fictional article of our own (Fixtures/Extraction), with the draft reviewed by hand.</summary>
    private static string Article => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Extraction", "brannock-dam.txt");

    private static string ExpectedDraft => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Extraction", "brannock-dam.draft.json"));

    private static readonly string[] Publication = ["--publisher", "Fictional Wire", "--published-at", "2031-05-07T10:00:00Z"];

    private static string Lines(string text) => text.ReplaceLineEndings("\n");

    private async Task<JsonNode> ExportAsync()
    {
        var export = await _cli.RunAsync("export");
        Assert.Equal(0, export.Exit);
        return JsonNode.Parse(export.Out)!;
    }

    [Fact]
    public async Task Extract_prints_the_draft_on_standard_output_and_progress_on_standard_error_and_writes_nothing()
    {
        var (exit, output, error) = await _cli.RunAsync(["extract", Article, .. Publication]);

        Assert.Equal(0, exit);
        Assert.Equal(Lines(ExpectedDraft), Lines(output));
        Assert.Equal(
            "brannock-dam.txt: 4 statement(s); proposed 2 person(s), 2 organisation(s), 1 place(s), 0 negotiation(s)\n1 article(s) extracted; 4 statement(s) proposed.\n",
            Lines(error));

        // Every span of the draft is the article text at its offsets.
        var text = await File.ReadAllTextAsync(Article, TestContext.Current.CancellationToken);
        var draft = JsonNode.Parse(output)!;
        Assert.All(draft["statements"]!.AsArray(), s =>
        {
            var e = s!["evidence"]![0]!;
            Assert.Equal(text[(int)e["start"]!..(int)e["end"]!], (string?)e["text"]);
        });
        Assert.Empty((await ExportAsync())["statements"]!.AsArray());
    }

    [Fact]
    public async Task Extract_with_import_lands_the_draft_and_a_second_extraction_resolves_onto_the_stored_records()
    {
        var (exit, output, error) = await _cli.RunAsync(["extract", Article, .. Publication, "--import"]);

        Assert.Equal(0, exit);
        Assert.Equal(Lines(ExpectedDraft), Lines(output));
        Assert.Equal(
            $"""
            brannock-dam.txt: 4 statement(s); proposed 2 person(s), 2 organisation(s), 1 place(s), 0 negotiation(s); landed (created 10, updated 0, unchanged 0, merged 0, rejected 0)
            1 article(s) extracted; 4 statement(s) proposed.
            {Header}
            Person	2	0	0	0	0
            Organisation	2	0	0	0	0
            Place	1	0	0	0	0
            Statement	4	0	0	0	0
            Negotiation	0	0	0	0	0
            Article	1	0	0	0	0
            1 of 1 document(s) landed; 4 statement(s).

            """.ReplaceLineEndings("\n"),
            Lines(error));

        var graph = await ExportAsync();
        Assert.Equal(
            ["Ostrey council chair Teodor Vask said that the river towns of Ostrey were already running dry", "Our wells are empty", "Velmar on Tuesday rejected a demand by the Ostrey water council to open the gates of the Brannock dam", "We will not release a single cubic metre before the harvest"],
            graph["statements"]!.AsArray().Select(s => (string)s!["text"]!).Order(StringComparer.Ordinal));
        Assert.Equal(["greta-solvik", "teodor-vask"], graph["people"]!.AsArray().Select(p => (string)p!["key"]!).Order(StringComparer.Ordinal));

        // Now the speakers and the place are the graph's: nothing new is proposed, and importing again changes nothing.
        var again = await _cli.RunAsync(["extract", Article, .. Publication, "--import"]);
        Assert.Equal(0, again.Exit);
        Assert.StartsWith(
            "brannock-dam.txt: 4 statement(s); proposed 0 person(s), 0 organisation(s), 0 place(s), 0 negotiation(s); landed (created 0, updated 0, unchanged 5, merged 0, rejected 0)\n",
            Lines(again.Error),
            StringComparison.Ordinal);
        var second = JsonNode.Parse(again.Out)!;
        Assert.Equal(
            ["organisation:velmar", "person:greta-solvik", "person:teodor-vask", "person:teodor-vask"],
            second["statements"]!.AsArray().Select(s => s!["speaker"]!["person"] is { } p ? "person:" + p : "organisation:" + s["speaker"]!["organisation"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Extract_reads_ndjson_articles_and_prints_one_draft_a_line()
    {
        var text = await File.ReadAllTextAsync(Article, TestContext.Current.CancellationToken);
        var ndjson = Path.Combine(_cli.Directory, "wire.ndjson");
        var first = new JsonObject { ["text"] = text, ["publisher"] = "Fictional Wire", ["publishedAt"] = "2031-05-07T10:00:00Z", ["title"] = "Brannock dam" };
        var second = new JsonObject { ["text"] = "\"The gates stay shut,\" Greta Solvik said.", ["publishedAt"] = "2031-05-08T09:00:00+02:00", ["url"] = "https://wire.example/gates" };
        await File.WriteAllTextAsync(ndjson, first.ToJsonString() + "\n\n" + second.ToJsonString() + "\n", TestContext.Current.CancellationToken);

        var (exit, output, error) = await _cli.RunAsync("extract", ndjson, "--publisher", "Default Desk", "--import");

        Assert.Equal(0, exit);
        var drafts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal(
            [("brannock-dam", "Fictional Wire", 4), ("https-wireexample-gates", "Default Desk", 1)],
            drafts.Select(d => ((string)d["articles"]![0]!["key"]!, (string)d["articles"]![0]!["publisher"]!, d["statements"]!.AsArray().Count)));

        // The second article's speaker was created by the first, one step before.
        Assert.Equal("greta-solvik", (string?)drafts[1]["statements"]![0]!["speaker"]!["person"]);
        Assert.Empty(drafts[1]["people"]!.AsArray());
        Assert.Contains("wire.ndjson:1: 4 statement(s);", error, StringComparison.Ordinal);
        Assert.Contains("wire.ndjson:3: 1 statement(s); proposed 0 person(s), 0 organisation(s), 0 place(s), 0 negotiation(s); landed (created 2, updated 0, unchanged 0, merged 0, rejected 0)", error, StringComparison.Ordinal);
        Assert.Contains("2 article(s) extracted; 5 statement(s) proposed.", error, StringComparison.Ordinal);
        Assert.Contains("2 of 2 document(s) landed; 5 statement(s).", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--published-at", "2031-05-07T10:00:00Z" }, "--publisher is required for a text file: the outlet that published the article.\n")]
    [InlineData(new[] { "--publisher", "Fictional Wire" }, "--published-at is required for a text file: when the article was published (2025-06-08T12:00:00Z).\n")]
    [InlineData(new[] { "--publisher", "Fictional Wire", "--published-at", "2031-05-07" }, "--published-at \"2031-05-07\" is not an ISO 8601 date-time with an offset, such as 2025-06-08T12:00:00Z.\n")]
    [InlineData(new[] { "--publisher", "Fictional Wire", "--published-at", "2031-02-30T10:00:00Z" }, "--published-at \"2031-02-30T10:00:00Z\" is not an ISO 8601 date-time with an offset, such as 2025-06-08T12:00:00Z.\n")]
    public async Task Bad_options_exit_2_with_what_is_wrong_and_nothing_is_written(string[] options, string message)
    {
        var (exit, output, error) = await _cli.RunAsync(["extract", Article, .. options, "--import"]);

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Equal(message + "Nothing was extracted or written.\n", Lines(error));
        Assert.False(File.Exists(_cli.DatabasePath));
    }

    [Fact]
    public async Task A_missing_file_and_a_bad_ndjson_line_are_named_with_where_they_are()
    {
        var ndjson = Path.Combine(_cli.Directory, "bad.ndjson");
        await File.WriteAllTextAsync(ndjson, "{\"text\": \"A text.\", \"publisher\": \"P\", \"publishedAt\": \"2031-05-07T10:00:00Z\"}\n{\"text\": \"\", \"publisher\": \"P\", \"publishedAt\": \"yesterday\"}\n[1]\n{\"text\": 3, \"publisher\": \"P\", \"publishedAt\": \"2031-05-07T10:00:00Z\", \"author\": \"x\"}\n", TestContext.Current.CancellationToken);
        var missing = Path.Combine(_cli.Directory, "missing.txt");

        var (exit, output, error) = await _cli.RunAsync("extract", missing, ndjson, "--import");

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Equal(
            $$"""
            {{missing}}: no such file or folder.
            bad.ndjson:2: publishedAt "yesterday" is not an ISO 8601 date-time with an offset, such as 2025-06-08T12:00:00Z.
            bad.ndjson:3: each line must be an object {text, publisher, publishedAt, url?, title?}.
            bad.ndjson:4: "text" must be a string.
            bad.ndjson:4: unknown field "author"; a line holds text, publisher, publishedAt, url and title.
            bad.ndjson:4: text: Required: the article text, not empty.
            Nothing was extracted or written.

            """.ReplaceLineEndings("\n"),
            Lines(error));
        Assert.False(File.Exists(_cli.DatabasePath));
    }

    [Fact]
    public async Task Eval_prints_the_evaluators_figures_for_every_gold_article_and_overall()
    {
        var (exit, output, error) = await _cli.RunAsync("eval");

        var folder = Path.Combine(AppContext.BaseDirectory, "gold");
        var gold = GoldSet.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json"), TestContext.Current.CancellationToken), f => File.ReadAllText(Path.Combine(folder, f)));
        var report = GoldSet.Evaluate(new RuleBasedExtractor(), gold, GeoNamesGazetteer.Load(), GoldMode.Hidden);
        Assert.Equal(0, exit);
        Assert.Equal($"7 article(s) from {folder}, their records hidden from the extractor.\n", Lines(error));
        Assert.Equal(GoldSet.Table(report).ReplaceLineEndings("\n"), Lines(output));
        Assert.Equal(
            "| seed 000_7ec11662766b884c | 21 | 21 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 0.667 | 1.000 | 1.000 |",
            Lines(output).Split('\n')[2]);
    }

    [Fact]
    public async Task Eval_without_a_gold_set_exits_2_and_says_where_it_looked()
    {
        var nowhere = Path.Combine(_cli.Directory, "nowhere");
        var (exit, output, error) = await _cli.RunAsync("eval", nowhere);

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Equal($"No gold set at {nowhere}: the folder must hold manifest.json (see tests/KnowledgeGraph.Extraction.Tests/Gold).\n", Lines(error));
    }
}
