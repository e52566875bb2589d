using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Schema;

/// <summary>schema/schema.graphql is the reviewed contract: the server's schema must not drift from it.</summary>
public sealed class SchemaTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static string ContractPath => Path.Combine(AppContext.BaseDirectory, "schema", "schema.graphql");

    private ISchema Schema
    {
        get
        {
            var schema = api.Factory.Services.GetRequiredService<KnowledgeGraphSchema>();
            schema.Initialize();
            return schema;
        }
    }

    [Fact]
    public void The_printed_schema_matches_schema_graphql()
    {
        var printed = Schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";

        // KG_UPDATE_SCHEMA=1 rewrites the source file after a reviewed change.
        if (Environment.GetEnvironmentVariable("KG_UPDATE_SCHEMA") == "1")
        {
            var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "schema", "schema.graphql"));
            File.WriteAllText(source, printed);
        }

        var contract = File.ReadAllText(ContractPath).ReplaceLineEndings("\n");
        Assert.Equal(contract, printed);
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var missing = new List<string>();
        foreach (var type in Schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            if (type is ScalarGraphType && type.Name is "String" or "Int" or "Boolean" or "ID" or "Float")
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }

            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                    {
                        missing.Add($"{type.Name}.{field.Name}");
                    }

                    foreach (var argument in field.Arguments ?? [])
                    {
                        if (string.IsNullOrWhiteSpace(argument.Description))
                        {
                            missing.Add($"{type.Name}.{field.Name}({argument.Name})");
                        }
                    }
                }
            }

            if (type is EnumerationGraphType enumeration)
            {
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void The_core_contract_names_are_present()
    {
        var schema = Schema;
        var query = schema.Query;
        foreach (var root in new[] { "people", "organisations", "places", "statements", "negotiations", "articles" })
        {
            var field = query.GetField(root);
            Assert.NotNull(field);
            Assert.Equal(["where", "order", "first", "after", "last", "before"], field.Arguments!.Select(a => a.Name));
        }

        Assert.NotNull(query.GetField("node"));
        Assert.NotNull(query.GetField("nodes"));
        var speaker = Assert.IsType<UnionGraphType>(schema.AllTypes["Speaker"], exactMatch: false);
        Assert.Equal(["Person", "Organisation"], speaker.PossibleTypes.Select(t => t.Name));
        var node = Assert.IsType<IInterfaceGraphType>(schema.AllTypes["Node"], exactMatch: false);
        Assert.Equal(["Article", "Negotiation", "Organisation", "Person", "Place", "Statement"], node.PossibleTypes.Select(t => t.Name).Order());
        var statement = (IComplexGraphType)schema.AllTypes["Statement"]!;
        Assert.Equal(
            ["about", "date", "direct", "evidence", "id", "key", "kind", "negotiation", "respondsTo", "responses", "retracted", "retractedAt", "retractionReason", "saidAt", "speaker", "text"],
            statement.Fields.Select(f => f.Name).Order(StringComparer.Ordinal));
        var evidence = (IComplexGraphType)schema.AllTypes["Evidence"]!;
        Assert.Equal(["article", "end", "start", "text"], evidence.Fields.Select(f => f.Name).Order(StringComparer.Ordinal));
        var place = (IComplexGraphType)schema.AllTypes["Place"]!;
        var about = place.GetField("statementsAbout")!;
        Assert.Equal(true, about.Arguments!.Find("includeContainedPlaces")!.DefaultValue);
    }
}
