using System.CommandLine;

namespace KnowledgeGraph.Api.Cli;

/// <summary>
/// The host's command-line verbs (<c>import</c>, <c>export</c>, <c>extract</c>, <c>eval</c>), parsed with System.CommandLine.
/// A <c>--Name=value</c> argument that is not one of the verb's options (<c>--Store=Neo4j</c>,
/// <c>--Sqlite:Path=x.db</c>) is configuration, exactly as for the server.
/// </summary>
public static class CommandLineVerbs
{
    /// <summary>Whether the arguments ask for a verb rather than the server.</summary>
    public static bool IsVerb(IReadOnlyList<string> args) =>
        args is { Count: > 0 } && args[0] is ImportVerb.Name or ExportVerb.Name or ExtractVerb.Name or EvalVerb.Name;

    /// <summary>Runs a verb; returns the process exit code.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(args);
        var configuration = args.Where(IsSetting).ToArray();
        var root = new RootCommand("KnowledgeGraph: a GraphQL API over a knowledge graph of the news. Without a verb, the server starts.");
        root.Subcommands.Add(ImportVerb.Create(console, configuration));
        root.Subcommands.Add(ExportVerb.Create(console, configuration));
        root.Subcommands.Add(ExtractVerb.Create(console, configuration));
        root.Subcommands.Add(EvalVerb.Create(console));
        var parsed = root.Parse(args.Where(a => !IsSetting(a)).ToArray());
        return parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }

    private static readonly string[] VerbOptions = ["--dry-run", "--on-ambiguity", "--article"];

    private static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 2 and var at
        && !VerbOptions.Concat(ExtractVerb.Options).Concat(EvalVerb.Options).Contains(arg[..at], StringComparer.Ordinal);
}

/// <summary>Where a verb reads and writes: the process's own streams, or a test's.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="In">Standard input, for <c>-</c>.</param>
/// <param name="Interactive">Whether output is a terminal (live progress, drawn tables) rather than redirected (plain lines).</param>
/// <param name="ContentRoot">The folder relative settings paths are resolved against (the API project under <c>dotnet run</c>).</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, bool Interactive, string? ContentRoot = null)
{
    /// <summary>The process's console.</summary>
    public static CliConsole Process() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsOutputRedirected && !Console.IsErrorRedirected);
}
