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
        // The paths are checked, and the documents counted for the progress bar, before anything
        // is imported; each document is then read only when its turn comes and imported before
        // the next is read, so memory does not grow with the input.
        List<Source> sources;
        int count;
        try
        {
            sources = Collect(paths, console.In);
            count = sources.Sum(s => s.Count());
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
                var task = progress.AddTask(options.DryRun ? "Checking" : "Importing", maxValue: count);
                foreach (var document in sources.SelectMany(s => s.Read()))
                {
                    var result = await ImportOneAsync(importer, document, options, cancellationToken);
                    results.Add(result.Accepted ? Summary(result) : result);
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
            foreach (var document in sources.SelectMany(s => s.Read()))
            {
                var result = await ImportOneAsync(importer, document, options, cancellationToken);
                results.Add(Summary(result));
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

    // What the summary needs of a document that landed: its counts, not its records' paths,
    // rules and ambiguities, which were printed with its line.
    private static ImportResult Summary(ImportResult result) => result with
    {
        Changes = result.Changes.Select(c => new RecordChange(new NodeId(c.Id.Type, string.Empty), c.Outcome, string.Empty)).ToArray(),
        Ambiguities = [],
    };

    /// <summary>Every source the paths name, in order, each checked to exist; a folder's files in ordinal order. Nothing is read yet but standard input.</summary>
    private static List<Source> Collect(string[] paths, TextReader input)
    {
        var sources = new List<Source>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                // One document if it parses as one, else NDJSON: standard input is read whole.
                var text = input.ReadToEnd();
                var documents = Split("stdin", text, Directory.GetCurrentDirectory(), ndjson: null).ToArray();
                sources.Add(new Source(() => documents.Length, () => documents));
            }
            else if (Directory.Exists(path))
            {
                sources.AddRange(Directory.GetFiles(path).Where(IsBundleFile).Order(StringComparer.Ordinal).Select(FileSource));
            }
            else if (File.Exists(path))
            {
                sources.Add(FileSource(path));
            }
            else
            {
                throw new FileNotFoundException($"No file or folder at {path}.");
            }
        }

        return sources;
    }

    private static bool IsBundleFile(string file) =>
        file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    private static Source FileSource(string file)
    {
        var name = Path.GetFileName(file);
        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (!file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return new Source(() => 1, () => [new Document(name, File.ReadAllText(file), directory)]);
        }

        // NDJSON is read a line at a time, both to count its documents and to import them.
        return new Source(
            () => File.ReadLines(file).Count(line => !string.IsNullOrWhiteSpace(line)),
            () => File.ReadLines(file)
                .Select((line, i) => (line, i))
                .Where(x => !string.IsNullOrWhiteSpace(x.line))
                .Select(x => new Document(string.Create(CultureInfo.InvariantCulture, $"{name}:{x.i + 1}"), x.line, directory)));
    }

    // Standard input is one document if it parses as one, else NDJSON.
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

    /// <summary>Where documents come from: how many it holds, and its documents, read when enumerated.</summary>
    private sealed record Source(Func<int> Count, Func<IEnumerable<Document>> Read);

    private sealed record Document(string Source, string Json, string Directory);
}
