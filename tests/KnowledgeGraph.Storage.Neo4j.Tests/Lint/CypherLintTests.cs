using System.Text.Json.Nodes;
using KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

namespace KnowledgeGraph.Storage.Neo4j.Tests.Lint;

/// <summary>
/// No Neo4j runs here, so the Cypher itself is checked with Neo4j's own parser and semantic
/// analysis: every statement the adapter can emit, captured from the real store talking to the
/// Query API double, must lint without a single error or warning.
/// </summary>
public sealed class CypherLintTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_statement_the_adapter_can_emit_lints_clean()
    {
        await CypherLinter.EnsureAvailableAsync(Cancel);
        await using var h = await StoreHarness.StartAsync();
        var catalogue = new StatementCatalogue(h);
        await catalogue.EmitAllAsync();

        var statements = h.Api.Requests
            .GroupBy(r => r.Statement, StringComparer.Ordinal)
            .Select(g => new LintInput(catalogue.Names[g.First().Number], g.Key, g.First().Parameters))
            .ToArray();
        var outcome = await CypherLinter.LintAsync(statements, Cancel);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Linted {outcome.Linted} distinct statements ({h.Api.RequestCount} requests, {catalogue.Fragments} filter and sort fragments): {outcome.Diagnostics.Count} diagnostic(s).");
        Assert.True(outcome.Diagnostics.Count == 0, "Lint diagnostics:\n" + string.Join("\n", outcome.Diagnostics.Take(40)));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(statements.Length, outcome.Linted);
        Assert.True(statements.Length >= 80, $"Only {statements.Length} distinct statements were captured.");
    }

    [Fact]
    public async Task The_linter_reports_syntax_errors_unknown_names_and_undeclared_parameters()
    {
        await CypherLinter.EnsureAvailableAsync(Cancel);
        LintInput[] broken =
        [
            new("syntax", "MATCH (t:Place) RETRN t", []),
            new("label", "MATCH (t:Plaec) RETURN t.key AS key", []),
            new("parameter", "MATCH (t:Place) WHERE t.key IN $keys RETURN t.key AS key", []),
            new("function", "RETURN apoc.coll.sort([2, 1]) AS sorted", []),
            new("skip", "MATCH (t:Place) WITH count(t) AS n MATCH (u:Place) RETURN u.key AS key SKIP n", []),
        ];

        var outcome = await CypherLinter.LintAsync(broken, Cancel);

        Assert.Equal(1, outcome.ExitCode);
        foreach (var name in broken.Select(b => b.Name))
        {
            Assert.Contains(outcome.Diagnostics, d => d.StartsWith(name + " ", StringComparison.Ordinal));
        }

        var clean = await CypherLinter.LintAsync([new("clean", "MATCH (t:Place) WHERE t.key IN $keys RETURN t.key AS key", new JsonObject { ["keys"] = new JsonArray() })], Cancel);
        Assert.Equal((0, 1), (clean.ExitCode, clean.Linted));
    }
}
