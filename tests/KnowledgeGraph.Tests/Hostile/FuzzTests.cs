using System.Text;
using System.Text.Json;
using CsCheck;
using GraphQL.Execution;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Http;
using KnowledgeGraph.Api.GraphQL.Protection;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Tests.Stores;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Tests.Hostile;

/// <summary>
/// Fuzzing (CsCheck) of the request parser (JSON body, its guard, the document scanner, the
/// parser and the document guard) and of the filter translator on a real SQLite store. Each
/// runs for a bounded time: 5 s by default, <c>KG_FUZZ_SECONDS</c> for longer runs. A finding
/// is any exception other than the refusals each stage is meant to give; the executions and
/// findings are written to the test output.
/// </summary>
public sealed class FuzzTests(SqliteStores stores) : IClassFixture<SqliteStores>
{
    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", "...", "on", "Query", "query", "fragment", "F", "G", "people", "nodes", "node", "statements", "first:", "ids:", "1", "-1",
        "\"s\"", "\"\\ud800\"", "\"\\u0000\"", "\"\"\"block\"\"\"", "$v", ":", "where:", "name:", "eq:", "or:", "and:", "__typename", "__schema", "__type", "@include", "if:",
        "true", "null", "#c\n", "a:", "id", "key", ",", "=", "!", "Int", "|", "&", "...F", "...G", "mutation", "subscription", "\"", "\\", "\u0000", "😀", "\ud800",
    ];

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("KG_FUZZ_SECONDS"), out var s) && s > 0 ? s : 5;

    private static string Document(int[] picks)
    {
        var text = new StringBuilder();
        foreach (var pick in picks)
        {
            var token = Tokens[(pick & int.MaxValue) % Tokens.Length];
            var repeat = pick < 0 ? 1 + ((pick >> 8) & 63) : 1; // sometimes a long run of one token
            for (var i = 0; i < repeat; i++)
            {
                text.Append(token).Append(' ');
            }
        }

        return text.ToString();
    }

    private static void Report(string target, long executions, IReadOnlyCollection<string> findings)
    {
        var line = $"fuzz {target}: {executions} executions in {Seconds} s, {findings.Count} findings";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
        foreach (var finding in findings.Take(20))
        {
            TestContext.Current.TestOutputHelper?.WriteLine("  " + finding);
        }
    }

    [Fact]
    public void The_request_parser_only_ever_refuses()
    {
        var options = new GraphQLOptions();
        var guard = new RequestGuard(new GraphQLDocumentBuilder(), Options.Create(options));
        var findings = new System.Collections.Concurrent.ConcurrentBag<string>();
        long executions = 0;
        var gen = Gen.Select(Gen.Int.Array[0, 400], Gen.Byte.Array[0, 64], Gen.Int[0, 3]);
        gen.Sample((picks, noise, shape) =>
        {
            Interlocked.Increment(ref executions);
            var document = Document(picks);
            var body = shape switch
            {
                0 => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query = document })),
                1 => [.. Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":{\"v\":\""), .. noise, .. Encoding.UTF8.GetBytes("\"}}")],
                2 => [.. Encoding.UTF8.GetBytes("{\"query\":"), .. noise, .. Encoding.UTF8.GetBytes("}")],
                _ => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query = "query($v: String) { __typename }", variables = new { v = document }, extensions = new { e = document } })),
            };
            try
            {
                using var json = JsonDocument.Parse(body);
                if (JsonGuard.CheckBody(json.RootElement, options) is not null)
                {
                    return;
                }

                var request = GraphQLHttpRequest.Parse(json.RootElement.Clone());
                if (request.Query is { } query)
                {
                    guard.Parse(query, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is JsonException or BadRequestException or RequestRefusedException)
            {
                // a refusal, as meant
            }
            catch (Exception e)
            {
                findings.Add($"{e.GetType().Name}: {e.Message} for shape {shape}: {Convert.ToBase64String(body)[..Math.Min(200, body.Length)]}");
            }
        }, iter: long.MaxValue, time: Seconds, threads: 1);

        Report("request parser", executions, findings);
        Assert.True(executions > 100, $"only {executions} executions");
        Assert.Empty(findings);
    }

    [Fact]
    public async Task The_filter_translator_answers_or_refuses_and_never_fails_in_the_store()
    {
        var store = (await stores.SeededAsync()).Store;
        var findings = new System.Collections.Concurrent.ConcurrentBag<string>();
        long executions = 0;
        Gen.Int.Array[1, 300].Sample(picks =>
        {
            Interlocked.Increment(ref executions);
            var filter = FilterFrom(picks);
            try
            {
                store.ListAsync<Place>(filter, [new SortField(Fields.Name, picks[0] % 2 == 0)], new PageRequest(5, null, null, null, true), CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (FilterTooLargeException)
            {
                // refused before translation, as meant
            }
            catch (Exception e)
            {
                findings.Add($"{e.GetType().Name}: {e.Message} for {filter}");
            }
        }, iter: long.MaxValue, time: Seconds, threads: 1);

        Report("filter translator", executions, findings);
        Assert.True(executions > 50, $"only {executions} executions");
        Assert.Empty(findings);
    }

    private static readonly string[] Strings = ["", "\u0000", "a", "Kyiv", "%", "_", "'", "\"", "😀", "e\u0301", "\\", "'; DROP TABLE places; --", "\u0000x", "Ukraine\u0000"];

    /// <summary>A place filter read from a list of numbers: a small interpreter, so that every list is a filter.</summary>
    private static Filter FilterFrom(int[] picks)
    {
        var position = 0;
        int Next() => position < picks.Length ? picks[position++] & int.MaxValue : 0;
        Filter Build(int depth)
        {
            var kind = Next() % (depth > 70 ? 2 : 6);
            switch (kind)
            {
                case 0:
                case 1:
                    var op = (CompareOp)(Next() % 10);
                    var field = (Next() % 3) switch { 0 => Fields.Name, 1 => Fields.Key, _ => Fields.Kind };
                    object? value = field == Fields.Kind ? (PlaceKind)(Next() % 4) : Strings[Next() % Strings.Length];
                    if (op is CompareOp.In or CompareOp.Nin)
                    {
                        value = field == Fields.Kind ? new object[] { value! } : new object[] { value!, Strings[Next() % Strings.Length] };
                    }
                    else if (op is not (CompareOp.Eq or CompareOp.Neq) && field == Fields.Kind)
                    {
                        op = CompareOp.Eq;
                    }

                    return new Compare(field, op, value);
                case 2:
                case 3:
                    var count = Next() % (Next() % 7 == 0 ? 1200 : 4);
                    var items = new List<Filter>();
                    for (var i = 0; i < count; i++)
                    {
                        items.Add(i < 8 ? Build(depth + 1) : new Compare(Fields.Name, CompareOp.Eq, "n" + i));
                    }

                    return kind == 2 ? new AllOf(items) : new AnyOf(items);
                default:
                    return new Related(FilterRelations.ContainedIn, (Quantifier)(Next() % 4), Build(depth + 1));
            }
        }

        return Build(0);
    }
}
