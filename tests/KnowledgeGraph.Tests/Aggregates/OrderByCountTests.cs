using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Aggregates;

/// <summary>
/// Relationship counts in <c>order</c>, over HTTP of the real host on a real SQLite file holding the
/// shipped article and the test article: exact orders, ties by key, and pages that follow on.
/// </summary>
public sealed class OrderByCountTests(TwoArticlesFixture api) : IClassFixture<TwoArticlesFixture>
{
    private static string[] Names(JsonNode? connection) =>
        connection!["nodes"]!.AsArray().Select(n => n!["name"]?.GetValue<string>() ?? n["title"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task People_sort_by_how_many_statements_they_made_ties_by_key_and_page_on()
    {
        const string Query = """
            query ($after: String) {
              people(order: [{ statementsCount: DESC }], first: 3, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes { name statements { totalCount } }
              }
            }
            """;
        var first = (await GraphQLWire.QueryAsync(api.Http, Query)).EnsureNoErrors();
        var page = first.Data["people"]!;

        // Ilse Brandvold and Kyrylo Budanov made two each (ilse-… before kyrylo-…), everyone else one.
        Assert.Equal(["Ilse Brandvold", "Kyrylo Budanov", "Dmitry Medvedev"], Names(page));
        Assert.Equal([2, 2, 1], page["nodes"]!.AsArray().Select(n => n!["statements"]!["totalCount"]!.GetValue<int>()).ToArray());
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        var next = (await GraphQLWire.QueryAsync(api.Http, Query, new { after = page["pageInfo"]!["endCursor"]!.GetValue<string>() })).EnsureNoErrors().Data["people"]!;
        Assert.Equal(["Donald Trump", "Oleksandr", "Teodor Marsk"], Names(next));
        Assert.False(next["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        var ascending = (await GraphQLWire.QueryAsync(api.Http, "{ people(order: [{ statementsCount: ASC }], last: 2) { nodes { name } } }")).EnsureNoErrors();
        Assert.Equal(["Ilse Brandvold", "Kyrylo Budanov"], Names(ascending.Data["people"]));
    }

    [Fact]
    public async Task Places_sort_by_statements_about_them_or_any_place_inside_them()
    {
        var response = (await GraphQLWire.QueryAsync(api.Http, $$"""
            {
              places(order: [{ statementsAboutCount: DESC }], first: 4) { nodes { name statementsAbout { totalCount } } }
              node(id: "{{Seed.Id(NodeType.Place, "ukraine")}}") {
                ... on Place {
                  top: contains(order: [{ statementsAboutCount: DESC }], first: 3) { nodes { name } }
                  tail: contains(order: [{ statementsAboutCount: DESC }], last: 2) { nodes { name } }
                }
              }
            }
            """)).EnsureNoErrors();

        // Ukraine 15; Dnipropetrovsk Oblast and Valdoria 6 each (by key); Donetsk Oblast 5 (its village Zorya included).
        var places = response.Data["places"]!;
        Assert.Equal(["Ukraine", "Dnipropetrovsk Oblast", "Valdoria", "Donetsk Oblast"], Names(places));
        Assert.Equal([15, 6, 6, 5], places["nodes"]!.AsArray().Select(n => n!["statementsAbout"]!["totalCount"]!.GetValue<int>()).ToArray());

        // Inside Ukraine: the two oblasts, then four with 3 each by key (Crimea first), Kyiv with none last.
        Assert.Equal(["Dnipropetrovsk Oblast", "Donetsk Oblast", "Crimea"], Names(response.Data["node"]!["top"]));
        Assert.Equal(["Zaporizhzhia Oblast", "Kyiv"], Names(response.Data["node"]!["tail"]));
    }

    [Fact]
    public async Task Organisations_negotiations_and_articles_sort_by_their_counts()
    {
        var response = (await GraphQLWire.QueryAsync(api.Http, """
            {
              byStatements: organisations(order: [{ statementsCount: DESC }], first: 2) { nodes { name } }
              byMembers: organisations(order: [{ membersCount: DESC }], first: 2) { nodes { name } }
              byRounds: negotiations(order: [{ roundsCount: DESC }]) { nodes { name } }
              byNegotiationStatements: negotiations(order: [{ statementsCount: DESC }]) { nodes { name } }
              articles(order: [{ statementsCount: ASC }]) { nodes { title statements { totalCount } } }
            }
            """)).EnsureNoErrors();
        var data = response.Data;
        Assert.Equal(["Government of Russia", "Government of Ukraine"], Names(data["byStatements"]));
        Assert.Equal(["Valdorian Ministry of Water", "Defence Intelligence of Ukraine"], Names(data["byMembers"]));
        Assert.Equal(["Lowfen water talks", "Istanbul peace talks"], Names(data["byRounds"]));
        Assert.Equal(["Istanbul peace talks", "Lowfen water talks"], Names(data["byNegotiationStatements"]));
        Assert.Equal([6, 21], data["articles"]!["nodes"]!.AsArray().Select(n => n!["statements"]!["totalCount"]!.GetValue<int>()).ToArray());
    }
}
