using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeGraph.Api.Extraction;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Extraction.Bundles;
using Spectre.Console;

namespace KnowledgeGraph.Api.Cli;

/// <summary>
/// <c>extract ARTICLE.txt --publisher … --published-at … [--url …] [--title …] [--import]</c>:
/// reads articles (a text file, a folder of them, or NDJSON of <c>{text, publisher, publishedAt,
/// url?, title?}</c>) and prints each draft bundle (format v2, text inline) on standard output,
/// resolved against the configured store's entities; progress, diagnostics and the summary go to
/// standard error. With <c>--import</c> each draft is imported through the one write path, all or
/// nothing. Every input is checked before anything is read from the store or written. Exits 0
/// only when every article was extracted (and, with --import, landed); 2 for bad input.
/// </summary>
internal static partial class ExtractVerb
{
    public const string Name = "extract";

    /// <summary>The options of this verb, which are never configuration.</summary>
    public static readonly string[] Options = ["--publisher", "--published-at", "--url", "--title", "--import"];

    public static Command Create(CliConsole console, IReadOnlyList<string> configuration)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Article text files (.txt), folders of them, or NDJSON files (.ndjson) of {text, publisher, publishedAt, url?, title?} a line.",
            Arity = ArgumentArity.OneOrMore,
        };
        var publisher = new Option<string?>("--publisher") { Description = "The outlet that published the article (for NDJSON, the default for lines without one)." };
        var publishedAt = new Option<string?>("--published-at") { Description = "When it was published, ISO 8601 with an offset (2025-06-08T12:00:00Z); relative dates resolve against it." };
        var url = new Option<string?>("--url") { Description = "Where it was published (one article only)." };
        var title = new Option<string?>("--title") { Description = "Its headline (one article only); the article's key derives from it, else from the file name." };
        var import = new Option<bool>("--import") { Description = "Import each draft in the same step, all or nothing, and print the import summary on standard error." };
        var command = new Command(Name, "Extract statements from article text and print draft bundles (optionally importing them).")
        {
            paths, publisher, publishedAt, url, title, import,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console,
            parse.GetValue(paths) ?? [],
            new Defaults(parse.GetValue(publisher), parse.GetValue(publishedAt), parse.GetValue(url), parse.GetValue(title)),
            parse.GetValue(import),
            configuration,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] paths, Defaults defaults, bool import, IReadOnlyList<string> configuration, CancellationToken cancellationToken)
    {
        List<Source> articles;
        var problems = new List<string>();
        try
        {
            articles = Collect(paths, defaults, problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        if (articles.Count == 0 && problems.Count == 0)
        {
            problems.Add($"No article found in {string.Join(", ", paths)}: give .txt files, folders of them or .ndjson files.");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync(problem);
            }

            await console.Error.WriteLineAsync("Nothing was extracted or written.");
            return 2;
        }

        await using var store = await CliStore.OpenAsync(configuration, console.ContentRoot, cancellationToken);
        var gazetteer = new GazetteerSource();
        if (gazetteer.Missing is { } missing)
        {
            await console.Error.WriteLineAsync(missing);
        }

        var entities = await StoreEntities.ReadAsync(store.Store, cancellationToken);
        var importer = new DocumentImporter(store.Store, store.Admin);
        var outcomes = new List<Outcome>();

        async Task<Outcome> OneAsync(Source source)
        {
            var draft = ArticleExtraction.Extract(source.Request, entities, gazetteer.Gazetteer);
            await console.Out.WriteLineAsync(articles.Count == 1 ? draft.DraftJson : DraftBundleJson.WriteLine(draft.Result.Draft));
            ImportResult? imported = null;
            if (import)
            {
                imported = await ArticleExtraction.ImportAsync(importer, source.Name, draft, dryRun: false, cancellationToken);
                if (imported.Accepted && imported.Changes.Any(c => c.Outcome != RecordOutcome.Unchanged))
                {
                    // The next article is resolved against what this one added.
                    entities = await StoreEntities.ReadAsync(store.Store, cancellationToken);
                }
            }

            return new Outcome(source.Name, draft, imported);
        }

        if (console.Interactive)
        {
            await Ansi(console).Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask(import ? "Extracting and importing" : "Extracting", maxValue: articles.Count);
                foreach (var source in articles)
                {
                    outcomes.Add(await OneAsync(source));
                    task.Increment(1);
                }
            });
        }
        else
        {
            foreach (var source in articles)
            {
                var outcome = await OneAsync(source);
                outcomes.Add(outcome);
                await console.Error.WriteLineAsync(Line(outcome));
            }
        }

        var errors = console with { Out = console.Error };
        foreach (var failed in outcomes.Where(o => o.Imported is { Accepted: false }))
        {
            await ImportVerb.WriteProblemsAsync(console, failed.Imported!);
        }

        var statements = outcomes.Sum(o => o.Draft.Result.Statements.Count);
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{outcomes.Count} article(s) extracted; {statements} statement(s) proposed."));
        if (import)
        {
            await ImportVerb.WriteSummaryAsync(errors, [.. outcomes.Select(o => o.Imported!)], new ImportOptions());
        }

        return outcomes.All(o => o.Imported is null or { Accepted: true }) ? 0 : 1;
    }

    private static string Line(Outcome outcome)
    {
        var d = outcome.Draft.Result.Draft;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Name}: {d.Statements.Count} statement(s); proposed {d.People.Count} person(s), {d.Organisations.Count} organisation(s), {d.Places.Count} place(s), {d.Negotiations.Count} negotiation(s)");
        return outcome.Imported is { } imported ? line + "; " + ImportVerb.Line(imported)[(imported.Source.Length + 2)..] : line;
    }

    private static IAnsiConsole Ansi(CliConsole console) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(console.Error),
        Interactive = InteractionSupport.Yes,
    });

    /// <summary>Every article the paths name, in order, each checked; what is wrong goes to <paramref name="problems"/>.</summary>
    private static List<Source> Collect(string[] paths, Defaults defaults, List<string> problems)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path).Where(f => IsText(f) || IsNdjson(f)).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                problems.Add($"{path}: no such file or folder.");
            }
        }

        var textFiles = files.Count(f => !IsNdjson(f));
        if (textFiles + files.Count(IsNdjson) > 1 || files.Any(IsNdjson))
        {
            if (defaults.Title is not null)
            {
                problems.Add("--title names one article: give it with a single text file (NDJSON lines carry their own \"title\").");
            }

            if (defaults.Url is not null)
            {
                problems.Add("--url names one article: give it with a single text file (NDJSON lines carry their own \"url\").");
            }
        }

        DateTimeOffset? published = null;
        if (defaults.PublishedAt is { } given && !TryDate(given, out published))
        {
            problems.Add($"--published-at \"{given}\" is not an ISO 8601 date-time with an offset, such as 2025-06-08T12:00:00Z.");
        }

        if (textFiles > 0)
        {
            if (string.IsNullOrWhiteSpace(defaults.Publisher))
            {
                problems.Add("--publisher is required for a text file: the outlet that published the article.");
            }

            if (defaults.PublishedAt is null)
            {
                problems.Add("--published-at is required for a text file: when the article was published (2025-06-08T12:00:00Z).");
            }
        }

        var sources = new List<Source>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var text = File.ReadAllText(file);
            if (IsNdjson(file))
            {
                sources.AddRange(ReadNdjson(name, text, defaults.Publisher, published, problems));
                continue;
            }

            var request = new ArticleRequest(text, defaults.Publisher, published, defaults.Url, defaults.Title, Path.GetFileNameWithoutExtension(file));
            // A missing option is reported once above, not once per file.
            problems.AddRange(ArticleExtraction.Check(request, name)
                .Where(p => p.Path.EndsWith(".text", StringComparison.Ordinal) || (defaults.Publisher is not null && published is not null))
                .Select(p => $"{p.Path}: {p.Message}"));

            sources.Add(new Source(name, request));
        }

        foreach (var group in sources.GroupBy(s => ArticleExtraction.KeyOf(s.Request), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(", ", group.Select(s => s.Name))}: all have the article key \"{group.Key}\"; give each its own title or file name.");
        }

        return sources;
    }

    private static IEnumerable<Source> ReadNdjson(string name, string text, string? publisher, DateTimeOffset? published, List<string> problems)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"{name}:{i + 1}");
            JsonElement line;
            try
            {
                using var doc = JsonDocument.Parse(lines[i]);
                line = doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                problems.Add($"{at}: not JSON ({e.Message}).");
                continue;
            }

            if (line.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{at}: each line must be an object {{text, publisher, publishedAt, url?, title?}}.");
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in line.EnumerateObject())
            {
                if (property.Name is not ("text" or "publisher" or "publishedAt" or "url" or "title"))
                {
                    problems.Add($"{at}: unknown field \"{property.Name}\"; a line holds text, publisher, publishedAt, url and title.");
                }
                else if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                {
                    fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                }
                else
                {
                    problems.Add($"{at}: \"{property.Name}\" must be a string.");
                }
            }

            var date = published;
            if (fields.GetValueOrDefault("publishedAt") is { } given)
            {
                if (!TryDate(given, out date))
                {
                    problems.Add($"{at}: publishedAt \"{given}\" is not an ISO 8601 date-time with an offset, such as 2025-06-08T12:00:00Z.");
                    continue;
                }
            }

            var request = new ArticleRequest(fields.GetValueOrDefault("text"), fields.GetValueOrDefault("publisher") ?? publisher, date,
                fields.GetValueOrDefault("url"), fields.GetValueOrDefault("title"), string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(name)}-{i + 1}"));
            problems.AddRange(ArticleExtraction.Check(request, "").Select(p => $"{at}: {p.Path.TrimStart('.')}: {p.Message}"));
            yield return new Source(at, request);
        }
    }

    private static bool TryDate(string value, out DateTimeOffset? date)
    {
        date = null;
        if (!IsoDateTime().IsMatch(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoDateTime();

    private static bool IsText(string file) => file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    private static bool IsNdjson(string file) => file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    private sealed record Defaults(string? Publisher, string? PublishedAt, string? Url, string? Title);

    private sealed record Source(string Name, ArticleRequest Request);

    private sealed record Outcome(string Name, ArticleDraft Draft, ImportResult? Imported);
}
