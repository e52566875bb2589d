using System.Net;
using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Aggregates;

/// <summary>
/// <c>aggregate</c> on root and relation connections, over HTTP of the real host on a real SQLite
/// file holding the shipped article and the test article: exact counts, date ranges and counts
/// per kind, and the store calls it takes (one per level, whatever the number of parents).
/// </summary>
public sealed class ConnectionAggregateTests(TwoArticlesFixture api) : IClassFixture<TwoArticlesFixture>
{
    private static string[] Kinds(JsonNode? counts) =>
        counts!.AsArray().Select(c => $"{c!["value"]} {c["count"]}").ToArray();

    [Fact]
    public async Task All_statements_are_counted_with_their_date_range_and_kinds_in_one_store_call()
    {
        var response = (await GraphQLWire.QueryAsync(api.Http, """
            { statements { aggregate { count date { min max } kind { value count } } } }
            """)).EnsureNoErrors();
        var aggregate = response.Data["statements"]!["aggregate"]!;

        // 21 statements of the shipped article and 6 of the test article; two dated in the first
        // (2025-06-02, 2025-06-08), five of six in the second (2031-03-02 to 2031-03-18).
        Assert.Equal(27, aggregate["count"]!.GetValue<int>());
        Assert.Equal(("2025-06-02", "2031-03-18"), (aggregate["date"]!["min"]!.GetValue<string>(), aggregate["date"]!["max"]!.GetValue<string>()));
        Assert.Equal(
            ["CLAIM 5", "REJECTION 4", "WARNING 4", "APPEAL 3", "ASSESSMENT 3", "DEMAND 2",
             "ACCUSATION 1", "ACKNOWLEDGEMENT 1", "AGREEMENT 1", "ANNOUNCEMENT 1", "CONFIRMATION 1", "DENIAL 1"],
            Kinds(aggregate["kind"]));

        // Only the aggregate is asked for: no rows are listed, one call computes it.
        Assert.Equal(1, response.StoreCalls);
    }

    [Fact]
    public async Task The_aggregate_follows_the_connections_filter_not_its_page()
    {
        var response = (await GraphQLWire.QueryAsync(api.Http, $$"""
            {
              statements(where: { evidence: { some: { article: { id: { eq: "{{TwoArticlesFixture.TestArticleId}}" } } } } }, first: 2, order: [{ date: ASC }]) {
                totalCount
                nodes { date }
                aggregate { count date { min max } kind { value count } }
              }
            }
            """)).EnsureNoErrors();
        var connection = response.Data["statements"]!;
        Assert.Equal(6, connection["totalCount"]!.GetValue<int>());
        Assert.Equal(["2031-03-02", "2031-03-03"], connection["nodes"]!.AsArray().Select(n => n!["date"]!.GetValue<string>()).ToArray());
        var aggregate = connection["aggregate"]!;
        Assert.Equal(6, aggregate["count"]!.GetValue<int>());
        Assert.Equal(("2031-03-02", "2031-03-18"), (aggregate["date"]!["min"]!.GetValue<string>(), aggregate["date"]!["max"]!.GetValue<string>()));
        Assert.Equal(["ANNOUNCEMENT 1", "CLAIM 1", "DEMAND 1", "DENIAL 1", "REJECTION 1", "WARNING 1"], Kinds(aggregate["kind"]));

        // The page and the aggregate: two calls.
        Assert.Equal(2, response.StoreCalls);
    }

    [Fact]
    public async Task Places_organisations_negotiations_articles_and_people_aggregate_what_they_have()
    {
        var response = (await GraphQLWire.QueryAsync(api.Http, """
            {
              places { aggregate { count kind { value count } } }
              organisations(where: { name: { startsWith: "Government" } }) { aggregate { count kind { value count } } }
              negotiations { aggregate { count roundDate { min max } status { value count } } }
              articles { aggregate { count publishedAt { min max } } }
              people { aggregate { count } }
            }
            """)).EnsureNoErrors();
        var data = response.Data;
        Assert.Equal(21, data["places"]!["aggregate"]!["count"]!.GetValue<int>());
        Assert.Equal(["REGION 8", "CITY 5", "COUNTRY 5", "TOWN 2", "VILLAGE 1"], Kinds(data["places"]!["aggregate"]!["kind"]));
        Assert.Equal(3, data["organisations"]!["aggregate"]!["count"]!.GetValue<int>());
        Assert.Equal(["GOVERNMENT 3"], Kinds(data["organisations"]!["aggregate"]!["kind"]));
        var negotiations = data["negotiations"]!["aggregate"]!;
        Assert.Equal(2, negotiations["count"]!.GetValue<int>());
        Assert.Equal(("2025-06-02", "2031-03-17"), (negotiations["roundDate"]!["min"]!.GetValue<string>(), negotiations["roundDate"]!["max"]!.GetValue<string>()));
        Assert.Equal(["ONGOING 1", "STALLED 1"], Kinds(negotiations["status"]));

        // The shipped article has no publication time; the test article's is 09:00 at +01:00.
        var articles = data["articles"]!["aggregate"]!;
        Assert.Equal(2, articles["count"]!.GetValue<int>());
        Assert.Equal(DateTimeOffset.Parse("2031-03-19T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), articles["publishedAt"]!["min"]!.GetValue<DateTimeOffset>());
        Assert.Equal(articles["publishedAt"]!["min"]!.GetValue<string>(), articles["publishedAt"]!["max"]!.GetValue<string>());
        Assert.Equal(6, data["people"]!["aggregate"]!["count"]!.GetValue<int>());

        // One call per connection.
        Assert.Equal(5, response.StoreCalls);
    }

    [Fact]
    public async Task Relation_aggregates_of_every_parent_of_a_level_come_from_one_store_call()
    {
        const string Query = """
            query ($n: Int) {
              people(first: $n, order: [{ name: ASC }]) {
                nodes { name statements { aggregate { count date { min max } kind { value count } } } }
              }
            }
            """;
        var one = (await GraphQLWire.QueryAsync(api.Http, Query, new { n = 1 })).EnsureNoErrors();
        var all = (await GraphQLWire.QueryAsync(api.Http, Query, new { n = 6 })).EnsureNoErrors();

        var rows = all.Data["people"]!["nodes"]!.AsArray()
            .Select(p => $"{p!["name"]} {p["statements"]!["aggregate"]!["count"]} {p["statements"]!["aggregate"]!["date"]!["min"]?.GetValue<string>() ?? "-"}..{p["statements"]!["aggregate"]!["date"]!["max"]?.GetValue<string>() ?? "-"} {string.Join(",", Kinds(p["statements"]!["aggregate"]!["kind"]))}")
            .ToArray();
        Assert.Equal(
            [
                "Dmitry Medvedev 1 -..- WARNING 1",
                "Donald Trump 1 -..- APPEAL 1",
                "Ilse Brandvold 2 2031-03-04..2031-03-17 CLAIM 1,REJECTION 1",
                "Kyrylo Budanov 2 -..- ASSESSMENT 1,CONFIRMATION 1",
                "Oleksandr 1 -..- ASSESSMENT 1",
                "Teodor Marsk 1 2031-03-03..2031-03-03 DEMAND 1",
            ],
            rows);

        // The people, then the aggregates of all of them: two calls for one parent or six.
        Assert.Equal((2, 2), (one.StoreCalls, all.StoreCalls));
    }

    [Fact]
    public async Task A_places_statements_about_count_contained_places_unless_asked_not_to()
    {
        var response = (await GraphQLWire.QueryAsync(api.Http, $$"""
            {
              nodes(ids: ["{{Seed.Id(NodeType.Place, "ukraine")}}", "{{Seed.Id(NodeType.Place, "north-march")}}", "{{Seed.Id(NodeType.Place, "valdoria")}}"]) {
                ... on Place {
                  name
                  within: statementsAbout { totalCount aggregate { count date { min max } } }
                  direct: statementsAbout(includeContainedPlaces: false) { aggregate { count } }
                  contains { aggregate { count kind { value count } } }
                }
              }
            }
            """)).EnsureNoErrors();
        var rows = response.Data["nodes"]!.AsArray()
            .Select(p => $"{p!["name"]} {p["within"]!["totalCount"]}={p["within"]!["aggregate"]!["count"]} {p["within"]!["aggregate"]!["date"]!["min"]?.GetValue<string>() ?? "-"} direct {p["direct"]!["aggregate"]!["count"]} contains {p["contains"]!["aggregate"]!["count"]} {string.Join(",", Kinds(p["contains"]!["aggregate"]!["kind"]))}")
            .ToArray();
        Assert.Equal(
            [
                "Ukraine 15=15 2025-06-02 direct 7 contains 7 REGION 6,CITY 1",
                "North March 3=3 2031-03-02 direct 2 contains 1 TOWN 1",
                "Valdoria 6=6 2031-03-02 direct 1 contains 2 REGION 2",
            ],
            rows);

        // The places; the pages of statementsAbout; then the three aggregates, each one call for all three places.
        Assert.Equal(5, response.StoreCalls);
    }

    [Fact]
    public async Task Members_negotiation_and_article_statements_aggregate_per_parent()
    {
        var response = (await GraphQLWire.QueryAsync(api.Http, $$"""
            {
              organisations(where: { name: { in: ["Government of Russia", "Valdorian Ministry of Water"] } }, order: [{ name: ASC }]) {
                nodes { name members { aggregate { count } } statements { aggregate { count } } }
              }
              negotiations(order: [{ name: ASC }]) {
                nodes { name statements { aggregate { count date { min max } kind { value count } } } }
              }
              articles(order: [{ title: ASC }]) { nodes { statements { aggregate { count } } } }
            }
            """)).EnsureNoErrors();
        var data = response.Data;
        Assert.Equal(
            ["Government of Russia 1 5", "Valdorian Ministry of Water 2 1"],
            data["organisations"]!["nodes"]!.AsArray().Select(o => $"{o!["name"]} {o["members"]!["aggregate"]!["count"]} {o["statements"]!["aggregate"]!["count"]}").ToArray());
        Assert.Equal(
            [
                "Istanbul peace talks 9 2025-06-02..2025-06-02 APPEAL 3,REJECTION 2,WARNING 2,AGREEMENT 1,DEMAND 1",
                "Lowfen water talks 4 2031-03-03..2031-03-17 CLAIM 1,DEMAND 1,REJECTION 1,WARNING 1",
            ],
            data["negotiations"]!["nodes"]!.AsArray().Select(n =>
            {
                var a = n!["statements"]!["aggregate"]!;
                return $"{n["name"]} {a["count"]} {a["date"]!["min"]}..{a["date"]!["max"]} {string.Join(",", Kinds(a["kind"]))}";
            }).ToArray());
        Assert.Equal(
            [21, 6],
            data["articles"]!["nodes"]!.AsArray().Select(a => a!["statements"]!["aggregate"]!["count"]!.GetValue<int>()).OrderDescending().ToArray());

        // Three lists, then one call per relation aggregate (members, two kinds of statements, article statements).
        Assert.Equal(7, response.StoreCalls);
    }
}

/// <summary>The cost limit prices a connection's <c>aggregate</c> like a store field: 10, as a connection.</summary>
public sealed class AggregateCostTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["GraphQL:MaxComplexity"] = "20";
        _http = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_aggregate_costs_as_much_as_the_connection_it_is_on()
    {
        // The connection 10, totalCount 1: 11, within 20.
        var counted = await GraphQLWire.PostAsync(_http, new { query = "{ people { totalCount } }" });
        Assert.Equal(HttpStatusCode.OK, counted.Status);
        Assert.Equal(4, counted.Json!["data"]!["people"]!["totalCount"]!.GetValue<int>());

        // The connection 10, its aggregate 10, count 1: 21, over 20.
        var aggregated = await GraphQLWire.PostAsync(_http, new { query = "{ people { aggregate { count } } }" });
        Assert.Equal(HttpStatusCode.BadRequest, aggregated.Status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", aggregated.Code);
        Assert.Equal("The operation's complexity is 21; the maximum allowed is 20. Ask for smaller pages (first/last) or fewer nested fields.", aggregated.Message);
    }
}
