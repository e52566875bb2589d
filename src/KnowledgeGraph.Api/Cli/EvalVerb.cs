using System.CommandLine;
using KnowledgeGraph.Api.Extraction;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Evaluation;
using Spectre.Console;

namespace KnowledgeGraph.Api.Cli;

/// <summary>
/// <c>eval [GOLD]</c>: runs the extractor over a gold set (a folder with <c>manifest.json</c>;
/// by default the one shipped beside the binaries) and prints, per article and overall,
/// statement precision, recall and F1, speaker, kind and date accuracy, place precision and
/// recall and the share of exact spans, as a table (Markdown when redirected). Needs no store.
/// </summary>
internal static class EvalVerb
{
    public const string Name = "eval";

    /// <summary>The options of this verb, which are never configuration.</summary>
    public static readonly string[] Options = ["--known", "--details"];

    /// <summary>Where the build puts the shipped gold set.</summary>
    public static string DefaultGold => Path.Combine(AppContext.BaseDirectory, "gold");

    public static Command Create(CliConsole console)
    {
        var gold = new Argument<string?>("gold")
        {
            Description = "A gold-set folder holding manifest.json; by default the gold set shipped with the build.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var known = new Option<bool>("--known") { Description = "Show each article's own records as the graph's entities (graph mode); by default they stay hidden." };
        var details = new Option<bool>("--details") { Description = "List every pair that differs (missed, extra, other speaker, kind, date, span or places)." };
        var command = new Command(Name, "Score the extractor on a gold set and print the figures per article and overall.") { gold, known, details };
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse.GetValue(gold), parse.GetValue(known), parse.GetValue(details)));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string? folder, bool known, bool details)
    {
        folder ??= DefaultGold;
        var manifest = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifest))
        {
            await console.Error.WriteLineAsync($"No gold set at {folder}: the folder must hold manifest.json (see tests/KnowledgeGraph.Extraction.Tests/Gold).");
            return 2;
        }

        IReadOnlyList<GoldArticle> articles;
        try
        {
            articles = GoldSet.Parse(await File.ReadAllTextAsync(manifest), f => File.ReadAllText(Path.Combine(folder, f)));
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"The gold set at {folder} cannot be read: {e.Message}");
            return 2;
        }

        var gazetteer = new GazetteerSource();
        if (gazetteer.Missing is { } missing)
        {
            await console.Error.WriteLineAsync(missing);
        }

        var mode = known ? GoldMode.Graph : GoldMode.Hidden;
        var report = GoldSet.Evaluate(new RuleBasedExtractor(), articles, gazetteer.Gazetteer, mode);
        await console.Error.WriteLineAsync($"{articles.Count} article(s) from {folder}, their records {(known ? "known to" : "hidden from")} the extractor.");
        if (console.Interactive)
        {
            var table = new Table();
            foreach (var column in GoldSet.Columns)
            {
                table.AddColumn(column == "article" ? new TableColumn(column) : new TableColumn(column).RightAligned());
            }

            foreach (var a in report.Articles)
            {
                table.AddRow(GoldSet.Cells(a.Name, a.Scores).Select(Markup.Escape).ToArray());
            }

            table.AddRow(GoldSet.Cells("overall", report.Overall).Select(c => "[bold]" + Markup.Escape(c) + "[/]").ToArray());
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) }).Write(table);
        }
        else
        {
            await console.Out.WriteAsync(GoldSet.Table(report));
        }

        if (details)
        {
            foreach (var a in report.Articles)
            {
                foreach (var line in a.Lines.Where(l => l.Note.Length > 0))
                {
                    await console.Out.WriteLineAsync($"- {a.Name}: {line.Gold ?? "—"} / {line.Predicted ?? "—"}: {line.Note}");
                }
            }
        }

        return 0;
    }
}
