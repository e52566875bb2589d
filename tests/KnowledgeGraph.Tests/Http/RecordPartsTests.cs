using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Http;

/// <summary>
/// The store reads only the costly parts of records (a statement's evidence and places, an
/// article's text and agencies, a person's affiliations, a negotiation's parties and rounds,
/// everyone's aliases) that a selection reads. Every field of those types answers the same whether the parts were read
/// for it or not, on the seed data over HTTP of the real host.
/// </summary>
public sealed class RecordPartsTests(ApiFixture api, RecordPartsTests.WholeRecordsFixture whole) : IClassFixture<ApiFixture>, IClassFixture<RecordPartsTests.WholeRecordsFixture>
{
    /// <summary>Each type with costly parts: its root list, and a selection (under aliases of its own) that reads all of its parts.</summary>
    public static TheoryData<string, string, string> Types => new()
    {
        { "Statement", "statements", "partsAbout: about { key } partsEvidence: evidence { start }" },
        { "Article", "articles", "partsText: text partsAgencies: agencies" },
        { "Person", "people", "partsAffiliations: affiliations { role } partsAliases: aliases" },
        { "Negotiation", "negotiations", "partsParties: parties { key } partsRounds: rounds { number } partsAliases: aliases" },
        { "Organisation", "organisations", "partsAliases: aliases" },
        { "Place", "places", "partsAliases: aliases" },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Every_field_answers_the_same_alone_as_beside_the_fields_that_read_every_part(string type, string list, string allParts)
    {
        var fields = await FieldsAsync(type);
        Assert.NotEmpty(fields);
        foreach (var field in fields)
        {
            var alone = await NodesAsync(api.Http, $"{{ {list}(first: 50) {{ nodes {{ key {field} }} }} }}", list);
            var beside = await NodesAsync(api.Http, $"{{ {list}(first: 50) {{ nodes {{ key {field} {allParts} }} }} }}", list);

            // And from a host that reads whole records whatever the selection.
            var wholeRecords = await NodesAsync(whole.Http, $"{{ {list}(first: 50) {{ nodes {{ key {field} }} }} }}", list);
            Assert.NotEmpty(alone);
            Assert.Equal(beside.Count, alone.Count);
            Assert.Equal(wholeRecords.Count, alone.Count);
            var name = field.Split(' ', '(')[0];
            for (var i = 0; i < alone.Count; i++)
            {
                Assert.True(
                    JsonNode.DeepEquals(beside[i]![name], alone[i]![name]),
                    $"{type}.{name} of {alone[i]!["key"]}: alone {alone[i]![name]?.ToJsonString() ?? "null"}, beside the parts {beside[i]![name]?.ToJsonString() ?? "null"}");
                Assert.True(
                    JsonNode.DeepEquals(wholeRecords[i]![name], alone[i]![name]),
                    $"{type}.{name} of {alone[i]!["key"]}: alone {alone[i]![name]?.ToJsonString() ?? "null"}, from whole records {wholeRecords[i]![name]?.ToJsonString() ?? "null"}");
            }
        }
    }

    [Fact]
    public async Task Parts_are_read_for_the_type_a_fragment_names_and_through_named_fragments_and_edges()
    {
        // The speaker is a union: the Person fragment's affiliations are read, and the
        // evidence of statements reached through edges and a named fragment, and the text of
        // the article reached through evidence.
        const string query = """
            query ($place: ID!) {
              node(id: $place) {
                ... on Place {
                  statementsAbout(first: 50) {
                    edges { node { ...Said } }
                  }
                }
              }
            }
            fragment Said on Statement {
              key
              speaker { ... on Organisation { name } ... on Person { affiliations { role } } }
              evidence { article { text } }
            }
            """;
        var response = (await GraphQLWire.PostAsync(api.Http, new { query, variables = new { place = Seed.Id(NodeType.Place, "donetsk-oblast") } })).EnsureNoErrors();
        var edges = response.Data["node"]!["statementsAbout"]!["edges"]!.AsArray();
        Assert.Equal(5, edges.Count);
        foreach (var edge in edges)
        {
            var statement = edge!["node"]!;
            var evidence = Assert.Single(statement["evidence"]!.AsArray())!;
            Assert.Equal(Seed.ArticleText, evidence["article"]!["text"]!.GetValue<string>());
            if (statement["speaker"]!["affiliations"] is JsonArray affiliations)
            {
                Assert.NotEmpty(affiliations);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(statement["speaker"]!["name"]!.GetValue<string>()));
            }
        }
    }

    [Fact]
    public async Task Parts_selected_in_a_second_occurrence_of_a_merged_field_are_read()
    {
        // GraphQL merges fields with the same response name: the second `statements` (and the
        // second `speaker`) add their selections to the first.
        const string query = """
            {
              statements(first: 50) { nodes { key speaker { ... on Person { name } } } }
              statements(first: 50) { nodes { evidence { start } speaker { ... on Person { affiliations { role } } } } }
            }
            """;
        var response = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors();
        var statements = response.Data["statements"]!["nodes"]!.AsArray();
        Assert.Equal(21, statements.Count);
        Assert.All(statements, s => Assert.NotEmpty(s!["evidence"]!.AsArray()));
        Assert.Contains(statements, s => s!["speaker"]?["affiliations"] is JsonArray { Count: > 0 });
    }

    [Fact]
    public async Task A_selection_that_reads_fewer_parts_takes_as_many_store_calls()
    {
        const string lean = """
            query ($place: ID!) {
              node(id: $place) { ... on Place { statementsAbout(first: 20) { nodes { text speaker { ... on Person { name } } } } } }
            }
            """;
        const string full = """
            query ($place: ID!) {
              node(id: $place) { ... on Place { statementsAbout(first: 20) { nodes { text evidence { start } speaker { ... on Person { name affiliations { role } } } } } } }
            }
            """;
        var variables = new { place = Seed.Id(NodeType.Place, "donetsk-oblast") };
        var leanAnswer = (await GraphQLWire.PostAsync(api.Http, new { query = lean, variables })).EnsureNoErrors();
        var fullAnswer = (await GraphQLWire.PostAsync(api.Http, new { query = full, variables })).EnsureNoErrors();
        Assert.Equal(3, leanAnswer.StoreCalls); // the place, its statements, the people who said them
        Assert.Equal(leanAnswer.StoreCalls, fullAnswer.StoreCalls);
        var leanTexts = leanAnswer.Data["node"]!["statementsAbout"]!["nodes"]!.AsArray().Select(n => n!["text"]!.GetValue<string>());
        var fullTexts = fullAnswer.Data["node"]!["statementsAbout"]!["nodes"]!.AsArray().Select(n => n!["text"]!.GetValue<string>());
        Assert.Equal(fullTexts, leanTexts);
    }

    /// <summary>
    /// A selection of each field of <paramref name="type"/> that takes no required argument: the
    /// field itself when it is a leaf, else the field with its <c>__typename</c> and, for a list or
    /// connection, enough to tell its items apart.
    /// </summary>
    private async Task<List<string>> FieldsAsync(string type)
    {
        const string query = """
            query ($name: String!) {
              __type(name: $name) {
                fields {
                  name
                  args { type { kind } }
                  type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
                }
              }
            }
            """;
        var response = (await GraphQLWire.PostAsync(api.Http, new { query, variables = new { name = type } })).EnsureNoErrors();
        var selections = new List<string>();
        foreach (var field in response.Data["__type"]!["fields"]!.AsArray())
        {
            if (field!["args"]!.AsArray().Any(a => a!["type"]!["kind"]!.GetValue<string>() == "NON_NULL"))
            {
                continue;
            }

            var name = field["name"]!.GetValue<string>();
            var named = field["type"]!;
            while (named["ofType"] is JsonObject inner)
            {
                named = inner;
            }

            var kind = named["kind"]!.GetValue<string>();
            selections.Add(kind switch
            {
                "SCALAR" or "ENUM" => name,
                _ when named["name"]!.GetValue<string>().EndsWith("Connection", StringComparison.Ordinal) => $"{name} {{ totalCount nodes {{ __typename }} }}",
                "UNION" or "INTERFACE" => $"{name} {{ __typename ... on Node {{ id }} }}",
                _ => $"{name} {{ __typename }}",
            });
        }

        return selections;
    }

    private static async Task<JsonArray> NodesAsync(HttpClient http, string query, string list)
    {
        var response = (await GraphQLWire.PostAsync(http, new { query })).EnsureNoErrors();
        return response.Data[list]!["nodes"]!.AsArray();
    }

    /// <summary>A seeded host that reads whole records (<c>GraphQL:ReadSelectedPartsOnly</c> false).</summary>
    public sealed class WholeRecordsFixture : IAsyncLifetime
    {
        private readonly ApiFactory _factory = new();

        public HttpClient Http { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            _factory.Settings["GraphQL:ReadSelectedPartsOnly"] = "false";
            Http = _factory.CreateClient();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
    }
}
