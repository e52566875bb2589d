using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Storage.Neo4j.Tests.Lint;

/// <summary>One statement to lint.</summary>
public sealed record LintInput(string Name, string Statement, JsonObject Parameters);

/// <summary>What the linter said.</summary>
public sealed record LintOutcome(int ExitCode, int Linted, IReadOnlyList<string> Diagnostics, string Output);

/// <summary>
/// Runs cypher-lint/lint.mjs (Neo4j's own parser and semantic analysis, from the npm package
/// <c>@neo4j-cypher/language-support</c>) with node. Skips the calling test, with the reason,
/// when node is missing or the package cannot be installed.
/// </summary>
public static class CypherLinter
{
    /// <summary>The graph model the statements must stay inside: undeclared names are reported.</summary>
    private static readonly JsonObject Schema = new()
    {
        ["labels"] = new JsonArray("Article", "Place", "Organisation", "Person", "Negotiation", "NegotiationRound", "Statement", "Change", "ChangeNode", "Redirect"),
        ["relationshipTypes"] = new JsonArray(
            "CONTAINED_IN", "BASED_IN", "PART_OF", "AFFILIATED_WITH", "HELD_AT", "HAS_PARTY", "HAS_ROUND",
            "SAID_BY", "SAID_AT", "ABOUT", "IN_NEGOTIATION", "RESPONDS_TO", "EVIDENCED_BY", "TOUCHED"),
        ["propertyKeys"] = new JsonArray(
            "key", "title", "url", "publisher", "syndicator", "agencies", "publishedAt", "publishedAtOffset", "language", "text",
            "name", "kind", "aliases", "description", "role", "current", "ordinal", "status", "number", "date", "direct", "start", "end",
            "id", "at", "keyName", "operation", "nodes", "outcomes",
            "retracted", "retractionReason", "retractedAt", "type", "survivor"),
        ["graphSchema"] = new JsonArray(
            Path("Place", "CONTAINED_IN", "Place"),
            Path("Organisation", "BASED_IN", "Place"),
            Path("Organisation", "PART_OF", "Organisation"),
            Path("Person", "AFFILIATED_WITH", "Organisation"),
            Path("Negotiation", "HELD_AT", "Place"),
            Path("Negotiation", "HAS_PARTY", "Organisation"),
            Path("Negotiation", "HAS_ROUND", "NegotiationRound"),
            Path("NegotiationRound", "HELD_AT", "Place"),
            Path("Statement", "SAID_BY", "Person"),
            Path("Statement", "SAID_BY", "Organisation"),
            Path("Statement", "SAID_AT", "Place"),
            Path("Statement", "ABOUT", "Place"),
            Path("Statement", "IN_NEGOTIATION", "Negotiation"),
            Path("Statement", "RESPONDS_TO", "Statement"),
            Path("Statement", "EVIDENCED_BY", "Article"),
            Path("Change", "TOUCHED", "ChangeNode")),
    };

    public static string Directory =>
        typeof(CypherLinter).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CypherLintDirectory").Value!;

    /// <summary>Makes sure node and the npm package are there; skips the test (with the reason) when they cannot be.</summary>
    public static async Task EnsureAvailableAsync(CancellationToken cancellationToken)
    {
        var node = await RunAsync("node", ["--version"], Directory, TimeSpan.FromSeconds(30), cancellationToken);
        if (node is null || node.Value.ExitCode != 0)
        {
            Assert.Skip("Cypher lint skipped: `node` is not installed or does not run (Node.js 20 or later is needed).");
        }

        if (File.Exists(System.IO.Path.Combine(Directory, "node_modules", "@neo4j-cypher", "language-support", "package.json")))
        {
            return;
        }

        var npm = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Directory, TimeSpan.FromMinutes(5), cancellationToken);
        if (npm is null || npm.Value.ExitCode != 0)
        {
            var detail = npm is null ? "npm is not installed" : $"npm ci exited {npm.Value.ExitCode}: {Tail(npm.Value.Output)}";
            Assert.Skip($"Cypher lint skipped: @neo4j-cypher/language-support could not be installed in {Directory} ({detail}).");
        }
    }

    /// <summary>Lints the statements, spread over one node process per core, and returns every diagnostic.</summary>
    public static async Task<LintOutcome> LintAsync(IReadOnlyList<LintInput> statements, CancellationToken cancellationToken)
    {
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var chunks = statements.Select((s, i) => (s, i)).GroupBy(x => x.i % workers, x => x.s).Select(g => g.ToArray()).ToArray();
        var outcomes = await Task.WhenAll(chunks.Select(chunk => LintChunkAsync(chunk, cancellationToken)));
        return new LintOutcome(
            outcomes.Max(o => o.ExitCode),
            outcomes.Sum(o => o.Linted),
            outcomes.SelectMany(o => o.Diagnostics).ToArray(),
            string.Join("\n", outcomes.Select(o => o.Output)));
    }

    private static async Task<LintOutcome> LintChunkAsync(IReadOnlyList<LintInput> statements, CancellationToken cancellationToken)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kg-cypher-lint-{Guid.NewGuid():N}.json");
        var input = new JsonObject
        {
            ["schema"] = Schema.DeepClone(),
            ["statements"] = new JsonArray(statements.Select(s => (JsonNode?)new JsonObject
            {
                ["name"] = s.Name,
                ["statement"] = s.Statement,
                ["parameters"] = s.Parameters.DeepClone(),
            }).ToArray()),
        };
        await File.WriteAllTextAsync(file, input.ToJsonString(), cancellationToken);
        if (Environment.GetEnvironmentVariable("KG_CYPHER_LINT_KEEP") is { Length: > 0 } keep)
        {
            // For debugging: keep the linter's input, to rerun `node lint.mjs FILE` by hand.
            File.Copy(file, keep + "." + System.IO.Path.GetFileName(file), overwrite: true);
        }

        try
        {
            var run = await RunAsync("node", ["lint.mjs", file], Directory, TimeSpan.FromMinutes(10), cancellationToken)
                ?? throw new InvalidOperationException("node did not start.");
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var summary = lines.LastOrDefault(l => l.StartsWith("{\"linted\"", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"The linter printed no summary (exit {run.ExitCode}): {Tail(run.Output)}");
            using var json = JsonDocument.Parse(summary);
            var diagnostics = lines.Where(l => !l.StartsWith('{') && !l.StartsWith("npm warn", StringComparison.Ordinal)).ToArray();
            return new LintOutcome(run.ExitCode, json.RootElement.GetProperty("linted").GetInt32(), diagnostics, run.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static JsonObject Path(string from, string relType, string to) => new() { ["from"] = from, ["relType"] = relType, ["to"] = to };

    private static string Tail(string output) => output.Length <= 800 ? output.Trim() : "…" + output[^800..].Trim();

    private static async Task<(int ExitCode, string Output)?> RunAsync(
        string file, IEnumerable<string> arguments, string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        using (process)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
