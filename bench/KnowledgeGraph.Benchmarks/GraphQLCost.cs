using System.Diagnostics;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using KnowledgeGraph.Benchmarks.Load;
using KnowledgeGraph.Benchmarks.Server;
using KnowledgeGraph.Domain.Ids;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// What parsing and validating each workload's query costs, against the server's real schema,
/// on one thread: the share of a request's CPU time that a cache of parsed, validated
/// documents could save.
/// </summary>
internal static class GraphQLCost
{
    public static async Task<IReadOnlyList<(string Workload, double ParseMicroseconds, double ValidateMicroseconds)>> MeasureAsync(string databasePath, int iterations)
    {
        await using var server = new BenchServer(databasePath);
        server.Start();
        var schema = server.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var validator = new DocumentValidator();
        var place = new NodeId(NodeType.Place, "x").Encode();
        var person = new NodeId(NodeType.Person, "x").Encode();
        var cases = new (string Name, string Query, Dictionary<string, object?> Variables)[]
        {
            (Workloads.PointLookup, Workloads.PointLookupQuery, new() { ["id"] = person }),
            (Workloads.WhoSaidWhat, Workloads.WhoSaidWhatQuery, new() { ["place"] = place }),
            (Workloads.Traversal, Workloads.TraversalQuery, new() { ["parents"] = 50 }),
        };
        var results = new List<(string, double, double)>();
        foreach (var (name, query, variables) in cases)
        {
            var inputs = new Inputs(variables);
            GraphQLDocument Parse() => GraphQLParser.Parser.Parse(query);
            async Task Validate()
            {
                var document = Parse();
                var options = new ValidationOptions
                {
                    Schema = schema,
                    Document = document,
                    Operation = document.Definitions.OfType<GraphQLOperationDefinition>().First(),
                    Variables = inputs,
                    Extensions = Inputs.Empty,
                    RequestServices = server.Services,
                };
                var result = await validator.ValidateAsync(options);
                if (!result.IsValid)
                {
                    throw new InvalidOperationException($"{name}: {result.Errors[0].Message}");
                }
            }

            for (var i = 0; i < iterations / 10; i++)
            {
                Parse();
                await Validate();
            }

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                Parse();
            }

            var parse = clock.Elapsed.TotalMicroseconds / iterations;
            clock.Restart();
            for (var i = 0; i < iterations; i++)
            {
                await Validate();
            }

            results.Add((name, parse, (clock.Elapsed.TotalMicroseconds / iterations) - parse));
        }

        return results;
    }
}
