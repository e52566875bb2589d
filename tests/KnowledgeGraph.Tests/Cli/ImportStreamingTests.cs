using KnowledgeGraph.Api.Cli;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Tests.Cli;

/// <summary>
/// The import verb reads each document when its turn comes and imports it before reading the
/// next, so its memory does not grow with the input. Seen from outside: a file changed after the
/// document before it landed is imported as changed. The places are fictional.
/// </summary>
public sealed class ImportStreamingTests : IDisposable
{
    private readonly VerbRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Each_document_is_read_only_after_the_one_before_it_landed()
    {
        var folder = Path.Combine(_cli.Directory, "bundles");
        Directory.CreateDirectory(folder);
        static string Place(string name) => $$"""{ "format": "knowledge-graph/v2", "places": [{ "name": "{{name}}", "kind": "TOWN" }] }""";
        await File.WriteAllTextAsync(Path.Combine(folder, "001.json"), Place("Velmora"), TestContext.Current.CancellationToken);
        var second = Path.Combine(folder, "002.json");
        await File.WriteAllTextAsync(second, Place("Korrin"), TestContext.Current.CancellationToken);

        // When the first document's line is printed, the second file is rewritten.
        await using var output = new HookedWriter(line =>
        {
            if (line.StartsWith("001.json: landed", StringComparison.Ordinal))
            {
                File.WriteAllText(second, Place("Brill"));
            }
        });
        await using var error = new StringWriter();
        var exit = await CommandLineVerbs.RunAsync(
            ["import", folder, $"--Sqlite:Path={_cli.DatabasePath}", "--Seed:Enabled=false"],
            new CliConsole(output, error, TextReader.Null, Interactive: false, _cli.Directory),
            TestContext.Current.CancellationToken);

        Assert.Equal((0, string.Empty), (exit, error.ToString()));
        Assert.Contains("2 of 2 document(s) landed; 0 statement(s).", output.ToString(), StringComparison.Ordinal);
        var store = new SqliteGraphStore(_cli.DatabasePath);
        var places = await store.GetAsync<Place>(["velmora", "korrin", "brill"], TestContext.Current.CancellationToken);
        Assert.Equal(["brill", "velmora"], places.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    private sealed class HookedWriter(Action<string> onLine) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            onLine(value ?? string.Empty);
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }
}
