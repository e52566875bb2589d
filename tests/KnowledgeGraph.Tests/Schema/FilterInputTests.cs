using System.Text;
using System.Text.Json.Nodes;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Schema;

/// <summary>
/// Every field of every filter input the schema offers translates: a field declared in the
/// schema but unknown to the translation would answer INVALID_FILTER at run time.
/// </summary>
public sealed class FilterInputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Every_filter_input_field_of_the_schema_runs_on_the_store()
    {
        var schema = api.Factory.Services.GetRequiredService<KnowledgeGraphSchema>();
        schema.Initialize();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        // The root connections; statementStats takes the statements' own filter input, covered here by `statements`.
        // The change log's `where` holds plain values, not operation inputs, and needs a key: ChangeLogTests covers it.
        var roots = schema.Query.Fields.Where(f => f.Arguments?.Find("where") is not null && f.Arguments.Find("groupBy") is null && f.Name != "changes").ToArray();
        Assert.Equal(["people", "organisations", "places", "statements", "negotiations", "articles"], roots.Select(f => f.Name));

        foreach (var root in roots)
        {
            var where = (IInputObjectGraphType)Unwrap(root.Arguments!.Find("where")!.ResolvedType!);
            var literals = new List<string>();
            Cover(where, x => x, covered, literals, [where.Name]);
            if (literals.Count == 0)
            {
                continue;
            }

            // In requests of at most 40 aliases, within the endpoint's alias limit.
            for (var start = 0; start < literals.Count; start += 40)
            {
                var query = new StringBuilder("{");
                for (var i = start; i < Math.Min(start + 40, literals.Count); i++)
                {
                    query.Append($"\n  f{i}: {root.Name}(where: {literals[i]}, first: 1) {{ totalCount }}");
                }

                var response = await GraphQLWire.PostAsync(api.Http, new { query = query.Append("\n}").ToString() });
                foreach (var error in response.Json?["errors"] as JsonArray ?? [])
                {
                    var alias = error!["path"]?[0]?.GetValue<string>();
                    var literal = alias is null ? "(no path)" : literals[int.Parse(alias[1..], System.Globalization.CultureInfo.InvariantCulture)];
                    failures.Add($"{root.Name}(where: {literal}): {error["extensions"]?["code"]} {error["message"]}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Every field of every filter and operation input was reached.
        var all = schema.AllTypes.OfType<IInputObjectGraphType>()
            // statementStats' `having` input filters counts, not records: its tests are in StatementStatsTests.
            .Where(t => t.Name.EndsWith("FilterInput", StringComparison.Ordinal) && t.Name is not ("CountOperationFilterInput" or "ChangeFilterInput"))
            .SelectMany(t => t.Fields.Where(f => f.Name is not ("and" or "or")).Select(f => $"{t.Name}.{f.Name}"))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Empty(all.Except(covered));
        Assert.Empty(covered.Except(all));
    }

    /// <summary>Adds a condition for each field of <paramref name="type"/>, entering each input type once per root.</summary>
    private static void Cover(IInputObjectGraphType type, Func<string, string> wrap, HashSet<string> covered, List<string> literals, HashSet<string> entered)
    {
        foreach (var field in type.Fields.Where(f => f.Name is not ("and" or "or")))
        {
            var key = $"{type.Name}.{field.Name}";
            var fieldType = Unwrap(field.ResolvedType!);
            if (fieldType is IInputObjectGraphType inner && inner.Name.EndsWith("OperationFilterInput", StringComparison.Ordinal))
            {
                foreach (var op in inner.Fields.Where(f => f.Name is not ("and" or "or")))
                {
                    if (covered.Add($"{inner.Name}.{op.Name}") | covered.Add(key))
                    {
                        literals.Add(wrap($"{{{field.Name}: {{{op.Name}: {Sample(op.ResolvedType!, type.Name)}}}}}"));
                    }
                }
            }
            else if (fieldType is IInputObjectGraphType nested)
            {
                if (covered.Add(key))
                {
                    literals.Add(wrap($"{{{field.Name}: {{}}}}"));
                }

                if (entered.Add(nested.Name))
                {
                    Cover(nested, x => wrap($"{{{field.Name}: {x}}}"), covered, literals, entered);
                }
            }
            else if (covered.Add(key))
            {
                literals.Add(wrap($"{{{field.Name}: {Sample(field.ResolvedType!, type.Name)}}}"));
            }
        }
    }

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType!),
        ListGraphType list => Unwrap(list.ResolvedType!),
        _ => type,
    };

    /// <summary>A valid literal of the input type; ids are of the record the filter is about.</summary>
    private static string Sample(IGraphType type, string owner) => type switch
    {
        NonNullGraphType nonNull => Sample(nonNull.ResolvedType!, owner),
        ListGraphType list => $"[{Sample(list.ResolvedType!, owner)}]",
        EnumerationGraphType e => e.Values.First().Name,
        IdGraphType => $"\"{new NodeId(Enum.Parse<NodeType>(owner[..^"FilterInput".Length]), "no-such-key").Encode()}\"",
        BooleanGraphType => "true",
        StringGraphType => "\"x\"",
        _ when type.Name == "Date" => "\"2025-01-01\"",
        _ when type.Name == "DateTime" => "\"2025-01-01T00:00:00Z\"",
        _ => throw new InvalidOperationException($"No sample for {type.Name}."),
    };
}
