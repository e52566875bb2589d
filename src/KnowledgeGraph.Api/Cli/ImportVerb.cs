using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using Spectre.Console;

namespace KnowledgeGraph.Api.Cli;

/// <summary>
/// <c>import PATH…</c>: bundle files, folders of them, NDJSON (one bundle a line) or standard
/// input (<c>-</c>), each document all or nothing, with progress and a summary per record type.
/// Exits 0 only when every document landed.
/// </summary>
internal static class ImportVerb
{
    public const string Name = "import";

    public static Command Create(CliConsole console, IReadOnlyList<string> configuration)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Bundle files (.json), NDJSON files (.ndjson, one bundle a line), folders of them, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every document and report what would change, without writing." };
        var onAmbiguity = new Option<AmbiguityPolicy>("--on-ambiguity")
        {
            Description = "When a name fits two stored records equally: Reject the document (default) or CreateNew.",
            DefaultValueFactory = _ => AmbiguityPolicy.Reject,
        };
        var command = new Command(Name, "Import bundles into the configured store, each document all or nothing.")
        {
            paths, dryRun, onAmbiguity,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console,
            parse.GetValue(paths) ?? [],
            new ImportOptions(parse.GetValue(dryRun), parse.GetValue(onAmbiguity), Domain.Changes.ChangeEntry.CliKeyName, "import"),
            configuration,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] paths, ImportOptions options, IReadOnlyList<string> configuration, CancellationToken cancellationToken)
    {
        List<Document> documents;
        try
        {
            documents = Collect(paths, console.In);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        await using var store = await CliStore.OpenAsync(configuration, console.ContentRoot, cancellationToken);
        var importer = new DocumentImporter(store.Store, store.Admin);
        var results = new List<ImportResult>();
        if (console.Interactive)
        {
            await Ansi(console).Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask(options.DryRun ? "Checking" : "Importing", maxValue: documents.Count);
                foreach (var document in documents)
                {
                    var result = await ImportOneAsync(importer, document, options, cancellationToken);
                    results.Add(result);
                    if (!result.Accepted)
                    {
                        progress.Refresh();
                    }

                    task.Increment(1);
                }
            });

            foreach (var failed in results.Where(r => !r.Accepted))
            {
                await WriteProblemsAsync(console, failed);
            }
        }
        else
        {
            foreach (var document in documents)
            {
                var result = await ImportOneAsync(importer, document, options, cancellationToken);
                results.Add(result);
                await console.Out.WriteLineAsync(Line(result));
                if (!result.Accepted)
                {
                    await WriteProblemsAsync(console, result);
                }
            }
        }

        await WriteSummaryAsync(console, results, options);
        return results.All(r => r.Accepted) ? 0 : 1;
    }

    private static async Task<ImportResult> ImportOneAsync(DocumentImporter importer, Document document, ImportOptions options, CancellationToken cancellationToken)
    {
        return await importer.ImportAsync(
            document.Source,
            document.Json,
            name =>
            {
                var path = Path.Combine(document.Directory, name);
                return File.Exists(path) ? File.ReadAllText(path) : null;
            },
            options,
            cancellationToken);
    }

    internal static string Line(ImportResult result)
    {
        var total = result.Counts.Values.Aggregate(OutcomeCounts.Zero, (a, b) => a.Plus(b));
        var verdict = result.Accepted ? (result.DryRun ? "would land" : "landed") : "REJECTED";
        return string.Create(CultureInfo.InvariantCulture, $"{result.Source}: {verdict} (created {total.Created}, updated {total.Updated}, unchanged {total.Unchanged}, merged {total.Merged}, rejected {total.Rejected})");
    }

    internal static async Task WriteProblemsAsync(CliConsole console, ImportResult result)
    {
        await console.Error.WriteLineAsync($"{result.Source} was rejected with {result.Problems.Count} problem(s); nothing of it was written:");
        foreach (var problem in result.Problems)
        {
            await console.Error.WriteLineAsync("  " + problem);
        }
    }

    internal static async Task WriteSummaryAsync(CliConsole console, List<ImportResult> results, ImportOptions options)
    {
        var rows = Enum.GetValues<NodeType>().Select(t => (Type: t, Counts: results.Aggregate(OutcomeCounts.Zero, (sum, r) => sum.Plus(r.Counts[t])))).ToArray();
        var accepted = results.Count(r => r.Accepted);
        var statements = results.Where(r => r.Accepted).Sum(r => r.Statements);
        var heading = string.Create(CultureInfo.InvariantCulture, $"{accepted} of {results.Count} document(s) {(options.DryRun ? "would land (dry run: nothing written)" : "landed")}; {statements} statement(s).");
        if (console.Interactive)
        {
            var table = new Table().AddColumns("record", "created", "updated", "unchanged", "merged", "rejected");
            foreach (var (type, c) in rows)
            {
                table.AddRow(type.ToString(), N(c.Created), N(c.Updated), N(c.Unchanged), N(c.Merged), N(c.Rejected));
            }

            var ansi = Ansi(console);
            ansi.Write(table);
            ansi.WriteLine(heading);
        }
        else
        {
            await console.Out.WriteLineAsync("record\tcreated\tupdated\tunchanged\tmerged\trejected");
            foreach (var (type, c) in rows)
            {
                await console.Out.WriteLineAsync($"{type}\t{N(c.Created)}\t{N(c.Updated)}\t{N(c.Unchanged)}\t{N(c.Merged)}\t{N(c.Rejected)}");
            }

            await console.Out.WriteLineAsync(heading);
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static IAnsiConsole Ansi(CliConsole console) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(console.Out),
        Interactive = InteractionSupport.Yes,
    });

    /// <summary>Every document the paths name, in order; a folder's files in ordinal order.</summary>
    private static List<Document> Collect(string[] paths, TextReader input)
    {
        var documents = new List<Document>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                documents.AddRange(Split("stdin", input.ReadToEnd(), Directory.GetCurrentDirectory(), ndjson: null));
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.GetFiles(path).Where(IsBundleFile).Order(StringComparer.Ordinal))
                {
                    documents.AddRange(ReadFile(file));
                }
            }
            else if (File.Exists(path))
            {
                documents.AddRange(ReadFile(path));
            }
            else
            {
                throw new FileNotFoundException($"No file or folder at {path}.");
            }
        }

        return documents;
    }

    private static bool IsBundleFile(string file) =>
        file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<Document> ReadFile(string file) =>
        Split(Path.GetFileName(file), File.ReadAllText(file), Path.GetDirectoryName(Path.GetFullPath(file))!, file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase));

    // A .ndjson file holds one document a line; standard input is one document if it parses as
    // one, else NDJSON.
    private static IEnumerable<Document> Split(string source, string text, string directory, bool? ndjson)
    {
        if (ndjson is null)
        {
            try
            {
                using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                ndjson = false;
            }
            catch (JsonException)
            {
                ndjson = text.Contains('\n', StringComparison.Ordinal);
            }
        }

        if (ndjson == false)
        {
            yield return new Document(source, text, directory);
            yield break;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                yield return new Document(string.Create(CultureInfo.InvariantCulture, $"{source}:{i + 1}"), lines[i], directory);
            }
        }
    }

    private sealed record Document(string Source, string Json, string Directory);
}
