using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Search;

/// <summary><c>search</c> over HTTP of the real host on the seed and the test article: exact hits, order, fields, snippets, errors.</summary>
public sealed class SearchTests(TwoArticlesFixture api) : IClassFixture<TwoArticlesFixture>
{
    private const string Hits = "totalCount pageInfo { hasNextPage } nodes { field snippet node { __typename ... on Node { id } ... on Person { name } ... on Organisation { name } ... on Place { name } ... on Statement { key } ... on Article { title } } }";

    private static string[] Rows(JsonNode? connection) =>
        [.. connection!["nodes"]!.AsArray().Select(n => $"{n!["node"]!["__typename"]} {n["node"]!["name"] ?? n["node"]!["key"] ?? n["node"]!["title"]} {n["field"]}")];

    private static string[] Snippets(JsonNode? connection) =>
        [.. connection!["nodes"]!.AsArray().Select(n => n!["snippet"]!.GetValue<string>())];

    [Fact]
    public async Task Names_aliases_statements_and_titles_are_found_with_the_field_that_matched()
    {
        var query = $$"""
            {
              budanov: search(text: "BUDANOV") { {{Hits}} }
              brandvold: search(text: "brandvold", types: [PERSON, STATEMENT]) { {{Hits}} }
              drought: search(text: "Drought") { {{Hits}} }
              alias: search(text: "lugansk") { {{Hits}} }
            }
            """;
        var response = (await GraphQLWire.QueryAsync(api.Http, query)).EnsureNoErrors();
        var data = response.Data;
        Assert.Equal(["Person Kyrylo Budanov NAME"], Rows(data["budanov"]));
        Assert.Equal(1, data["budanov"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("Kyrylo <em>Budanov</em>", Snippets(data["budanov"])[0]);
        Assert.Equal(Seed.Id(NodeType.Person, "kyrylo-budanov"), data["budanov"]!["nodes"]![0]!["node"]!["id"]!.GetValue<string>());

        Assert.Equal(["Person Ilse Brandvold NAME"], Rows(data["brandvold"]));
        Assert.Equal(["Article Valdoria water talks open amid drought TITLE", "Statement observers-warn-drought-outlasts-talks TEXT"], Rows(data["drought"]));
        Assert.Equal("Valdoria water talks open amid <em>drought</em>", Snippets(data["drought"])[0]);

        Assert.Equal(["Place Luhansk Oblast ALIAS", "Statement moscow-demands-recognition-of-five-regions TEXT"], Rows(data["alias"]));
        Assert.Equal(
            ["<em>Lugansk</em>", "…control over five Ukrainian regions: Donetsk, <em>Lugansk</em>, Zaporizhzhia, Kherson and Crimea."],
            Snippets(data["alias"]));

        // One call per search, then one per kind of node the hits hold, all searches batched.
        Assert.Equal(4 + 4, response.StoreCalls);
    }

    [Fact]
    public async Task Every_word_must_match_and_snippets_escape_html_around_the_highlight()
    {
        const string query = """
            {
              both: search(text: "north MARCH reservoirs") { nodes { field node { ... on Statement { key } } } }
              one: search(text: "reservoirs again") { nodes { field snippet node { ... on Statement { key } } } }
              none: search(text: "reservoirs medvedev") { totalCount nodes { field } }
              quote: search(text: "farmers", types: [ORGANISATION]) { nodes { field snippet } }
            }
            """;
        var data = (await GraphQLWire.QueryAsync(api.Http, query)).EnsureNoErrors().Data;
        Assert.Equal(
            ["brandvold-claims-reservoirs-full", "union-denies-reservoir-claim"],
            data["both"]!["nodes"]!.AsArray().Select(n => n!["node"]!["key"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var hit = Assert.Single(data["one"]!["nodes"]!.AsArray());
        Assert.Equal("brandvold-claims-reservoirs-full", hit!["node"]!["key"]!.GetValue<string>());
        Assert.Equal("TEXT", hit["field"]!.GetValue<string>());
        Assert.Equal("the <em>reservoirs</em> of the North March are full <em>again</em>,", hit["snippet"]!.GetValue<string>());
        Assert.Equal(0, data["none"]!["totalCount"]!.GetValue<int>());
        var union = Assert.Single(data["quote"]!["nodes"]!.AsArray());
        Assert.Equal(("NAME", "Lowfen <em>Farmers</em>&#39; Union"), (union!["field"]!.GetValue<string>(), union["snippet"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Pages_of_hits_follow_each_other()
    {
        const string query = """
            {
              first: search(text: "ukraine", first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { node { ... on Node { id } } } }
              all: search(text: "ukraine", first: 100) { nodes { node { ... on Node { id } } } }
            }
            """;
        var data = (await GraphQLWire.QueryAsync(api.Http, query)).EnsureNoErrors().Data;
        var all = data["all"]!["nodes"]!.AsArray().Select(n => n!["node"]!["id"]!.GetValue<string>()).ToArray();
        var first = data["first"]!["nodes"]!.AsArray().Select(n => n!["node"]!["id"]!.GetValue<string>()).ToArray();
        Assert.Equal(data["first"]!["totalCount"]!.GetValue<int>(), all.Length);
        Assert.True(all.Length > 2);
        Assert.Equal(all[..2], first);
        var next = (await GraphQLWire.QueryAsync(api.Http, 
            "query ($after: String) { search(text: \"ukraine\", first: 2, after: $after) { nodes { node { ... on Node { id } } } } }",
            new { after = data["first"]!["pageInfo"]!["endCursor"]!.GetValue<string>() })).EnsureNoErrors().Data;
        Assert.Equal(all[2..4], next["search"]!["nodes"]!.AsArray().Select(n => n!["node"]!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("\"", "'text': The search text holds no word: give at least one letter or digit.")]
    [InlineData("AND OR NOT ( ) * ^ :", null)]
    [InlineData("text: NEAR(budanov kyiv, 2)", null)]
    [InlineData("\"unbalanced", null)]
    public async Task Query_syntax_in_the_text_is_never_run_as_syntax(string text, string? error)
    {
        var response = await GraphQLWire.QueryAsync(api.Http, "query ($t: String!) { search(text: $t) { totalCount } }", new { t = text });
        if (error is null)
        {
            response.EnsureNoErrors();
            return;
        }

        var only = Assert.Single(response.Errors!);
        Assert.Equal("INVALID_SEARCH", only!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(error, only["message"]!.GetValue<string>());
    }
}
