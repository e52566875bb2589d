using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Statistics;

/// <summary>
/// <c>statementStats</c> over HTTP of the real host, on a real SQLite file holding the shipped
/// article and the test article: exact counts, orders, filled buckets, drill-downs and round trips.
/// </summary>
public sealed class StatementStatsTests(TwoArticlesFixture api) : IClassFixture<TwoArticlesFixture>
{
    private static readonly string SeedOnly = $$"""{ evidence: { some: { article: { id: { eq: "{{TwoArticlesFixture.SeedArticleId}}" } } } } }""";
    private static readonly string TestOnly = $$"""{ evidence: { some: { article: { id: { eq: "{{TwoArticlesFixture.TestArticleId}}" } } } } }""";

    private static string[] Column(JsonNode? nodes, Func<JsonNode, string> value) =>
        nodes!.AsArray().Select(n => value(n!)).ToArray();

    [Fact]
    public async Task Speakers_of_the_seed_article_are_counted_most_first_with_their_nodes_in_three_round_trips()
    {
        var query = $$"""
            {
              statementStats(groupBy: [SPEAKER], where: {{SeedOnly}}, order: [{ count: DESC }], first: 3) {
                totalCount
                pageInfo { hasNextPage }
                nodes {
                  count distinctSpeakers distinctArticles
                  speaker { __typename ... on Person { id name } ... on Organisation { id name } }
                }
              }
            }
            """;
        var response = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors();
        var stats = response.Data["statementStats"]!;
        Assert.Equal(10, stats["totalCount"]!.GetValue<int>());
        Assert.True(stats["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(
            ["Organisation Government of Russia 5", "Organisation Government of Ukraine 4", "Person Kyrylo Budanov 2"],
            Column(stats["nodes"], n => $"{n["speaker"]!["__typename"]} {n["speaker"]!["name"]} {n["count"]}"));
        Assert.Equal(Seed.Id(NodeType.Person, "kyrylo-budanov"), stats["nodes"]![2]!["speaker"]!["id"]!.GetValue<string>());
        Assert.All(stats["nodes"]!.AsArray(), n => Assert.Equal((1, 1), (n!["distinctSpeakers"]!.GetValue<int>(), n["distinctArticles"]!.GetValue<int>())));

        // One call for the groups, then one per node type of the speakers (people, organisations).
        Assert.Equal(3, response.StoreCalls);
    }

    [Fact]
    public async Task Kinds_with_at_least_three_statements_sort_by_count_then_name_and_page_from_the_end()
    {
        var query = $$"""
            query ($last: Int) {
              all: statementStats(groupBy: [KIND], where: {{SeedOnly}}, having: { count: { gte: 3 } }, order: [{ count: DESC }]) {
                totalCount nodes { kind count }
              }
              tail: statementStats(groupBy: [KIND], where: {{SeedOnly}}, having: { count: { gte: 3 } }, order: [{ count: DESC }], last: $last) {
                totalCount pageInfo { hasPreviousPage hasNextPage } nodes { kind count }
              }
              byName: statementStats(groupBy: [KIND], where: {{SeedOnly}}, having: { count: { in: [1] } }, order: [{ kind: DESC }]) {
                nodes { kind }
              }
            }
            """;
        var data = (await GraphQLWire.PostAsync(api.Http, new { query, variables = new { last = 2 } })).EnsureNoErrors().Data;
        Assert.Equal(5, data["all"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(["CLAIM 4", "APPEAL 3", "ASSESSMENT 3", "REJECTION 3", "WARNING 3"], Column(data["all"]!["nodes"], n => $"{n["kind"]} {n["count"]}"));
        Assert.Equal(["REJECTION 3", "WARNING 3"], Column(data["tail"]!["nodes"], n => $"{n["kind"]} {n["count"]}"));
        Assert.Equal((true, false), (data["tail"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), data["tail"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>()));
        Assert.Equal(["DEMAND", "CONFIRMATION", "AGREEMENT", "ACKNOWLEDGEMENT", "ACCUSATION"], Column(data["byName"]!["nodes"], n => n["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Regions_per_week_roll_places_up_through_containment_and_each_where_lists_exactly_its_statements()
    {
        const string query = """
            {
              statementStats(groupBy: [PLACE, TIME], placeLevel: REGION, timeBucket: WEEK, order: [{ count: DESC }], first: 20) {
                totalCount
                nodes { count place { key kind } bucket { startDate endDate start end } time where }
              }
            }
            """;
        var stats = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors().Data["statementStats"]!;
        Assert.Equal(9, stats["totalCount"]!.GetValue<int>());
        var nodes = stats["nodes"]!.AsArray();
        Assert.Equal(
            ["donetsk-oblast 2025-06-02 2", "lowfen 2031-03-03 2", "north-march 2031-03-17 2",
             "crimea 2025-06-02 1", "dnipropetrovsk-oblast 2025-06-02 1", "kherson-oblast 2025-06-02 1",
             "luhansk-oblast 2025-06-02 1", "north-march 2031-02-24 1", "zaporizhzhia-oblast 2025-06-02 1"],
            Column(nodes, n => $"{n["place"]!["key"]} {n["bucket"]!["startDate"]} {n["count"]}"));
        Assert.All(nodes, n => Assert.Equal("REGION", n!["place"]!["kind"]!.GetValue<string>()));
        var first = nodes[0]!;
        Assert.Equal(("2025-06-09", "2025-06-02T00:00:00Z", "2025-06-09T00:00:00Z", "2025-06-02T00:00:00Z"),
            (first["bucket"]!["endDate"]!.GetValue<string>(), first["bucket"]!["start"]!.GetValue<string>(), first["bucket"]!["end"]!.GetValue<string>(), first["time"]!.GetValue<string>()));

        foreach (var node in nodes)
        {
            await AssertDrillsDownAsync(node!);
        }
    }

    [Fact]
    public async Task A_time_range_fills_every_week_of_every_series_with_zeros_in_the_requested_time_zone()
    {
        const string query = """
            {
              statementStats(groupBy: [PLACE, TIME], placeLevel: REGION, timeBucket: WEEK, from: "2031-02-24", to: "2031-03-23",
                             timeZone: "Europe/Berlin", first: 100) {
                totalCount
                nodes { count distinctSpeakers distinctArticles place { name } time where }
              }
            }
            """;
        var stats = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors().Data["statementStats"]!;
        Assert.Equal(8, stats["totalCount"]!.GetValue<int>());
        var nodes = stats["nodes"]!.AsArray();
        Assert.Equal(
            ["Lowfen 2031-02-24T00:00:00+01:00 0", "Lowfen 2031-03-03T00:00:00+01:00 2", "Lowfen 2031-03-10T00:00:00+01:00 0", "Lowfen 2031-03-17T00:00:00+01:00 0",
             "North March 2031-02-24T00:00:00+01:00 1", "North March 2031-03-03T00:00:00+01:00 0", "North March 2031-03-10T00:00:00+01:00 0", "North March 2031-03-17T00:00:00+01:00 2"],
            Column(nodes, n => $"{n["place"]!["name"]} {n["time"]} {n["count"]}"));
        Assert.Equal((2, 1), (nodes[1]!["distinctSpeakers"]!.GetValue<int>(), nodes[1]!["distinctArticles"]!.GetValue<int>()));
        Assert.Equal((0, 0), (nodes[0]!["distinctSpeakers"]!.GetValue<int>(), nodes[0]!["distinctArticles"]!.GetValue<int>()));
        foreach (var node in nodes)
        {
            await AssertDrillsDownAsync(node!);
        }
    }

    [Fact]
    public async Task Speakers_organisations_count_organisations_and_current_members_and_drill_down_exactly()
    {
        var query = $$"""
            {
              statementStats(groupBy: [SPEAKER_ORGANISATION, KIND], where: {{TestOnly}}, order: [{ speakerOrganisation: ASC }, { kind: ASC }]) {
                nodes { count distinctSpeakers speakerOrganisation { key } kind where }
              }
              orgs: statementStats(groupBy: [SPEAKER_ORGANISATION], where: {{TestOnly}}) {
                nodes { count distinctSpeakers speakerOrganisation { key } where }
              }
            }
            """;
        var data = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors().Data;
        Assert.Equal(
            ["lowfen-farmers-union DEMAND 1", "lowfen-farmers-union DENIAL 1", "valdorian-ministry-of-water ANNOUNCEMENT 1",
             "valdorian-ministry-of-water CLAIM 1", "valdorian-ministry-of-water REJECTION 1"],
            Column(data["statementStats"]!["nodes"], n => $"{n["speakerOrganisation"]!["key"]} {n["kind"]} {n["count"]}"));
        Assert.Equal(["lowfen-farmers-union 2 2", "valdorian-ministry-of-water 3 2"],
            Column(data["orgs"]!["nodes"], n => $"{n["speakerOrganisation"]!["key"]} {n["count"]} {n["distinctSpeakers"]}"));
        foreach (var node in data["statementStats"]!["nodes"]!.AsArray().Concat(data["orgs"]!["nodes"]!.AsArray()))
        {
            await AssertDrillsDownAsync(node!);
        }
    }

    [Fact]
    public async Task Negotiations_and_places_as_stated_group_the_test_article()
    {
        var query = $$"""
            {
              talks: statementStats(groupBy: [NEGOTIATION, TIME], where: {{TestOnly}}, timeBucket: MONTH) {
                nodes { negotiation { name } bucket { startDate endDate } count where }
              }
              places: statementStats(groupBy: [PLACE], where: {{TestOnly}}, order: [{ count: DESC }]) {
                nodes { place { key } count where }
              }
              countries: statementStats(groupBy: [PLACE], placeLevel: COUNTRY, timeBucket: YEAR) {
                nodes { place { key } count where }
              }
            }
            """;
        var data = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors().Data;
        Assert.Equal(["Lowfen water talks 2031-03-01 2031-04-01 3"],
            Column(data["talks"]!["nodes"], n => $"{n["negotiation"]!["name"]} {n["bucket"]!["startDate"]} {n["bucket"]!["endDate"]} {n["count"]}"));
        Assert.Equal(["kessel 2", "lowfen 2", "north-march 2", "valdoria 1"], Column(data["places"]!["nodes"], n => $"{n["place"]!["key"]} {n["count"]}"));
        Assert.Equal(["ukraine 15", "valdoria 6"],
            Column(data["countries"]!["nodes"], n => $"{n["place"]!["key"]} {n["count"]}"));
        foreach (var node in data["talks"]!["nodes"]!.AsArray().Concat(data["places"]!["nodes"]!.AsArray()).Concat(data["countries"]!["nodes"]!.AsArray()))
        {
            await AssertDrillsDownAsync(node!);
        }
    }

    [Theory]
    [InlineData("statementStats(groupBy: [KIND], order: [{ place: ASC }]) { totalCount }", "INVALID_FILTER", "order[0].place: sorts by a key that is not grouped; add PLACE to 'groupBy'.")]
    [InlineData("statementStats(groupBy: [KIND, KIND]) { totalCount }", "INVALID_ARGUMENT", "'groupBy' names KIND more than once.")]
    [InlineData("statementStats(groupBy: []) { totalCount }", "INVALID_ARGUMENT", "'groupBy' must name at least one dimension.")]
    [InlineData("statementStats(groupBy: [TIME], timeZone: \"Mars/Olympus\") { totalCount }", "INVALID_ARGUMENT", "'timeZone': 'Mars/Olympus' is not a known IANA time zone (such as UTC or Europe/Kyiv).")]
    [InlineData("statementStats(groupBy: [TIME], from: \"2025-06-02\", to: \"2025-06-01\") { totalCount }", "INVALID_ARGUMENT", "'to' (2025-06-01) is before 'from' (2025-06-02).")]
    [InlineData("statementStats(groupBy: [TIME], timeBucket: DAY, from: \"2020-01-01\", to: \"2025-01-01\") { totalCount }", "INVALID_ARGUMENT", "'from'..'to' spans more than 1000 buckets of a DAY; choose a longer bucket or a shorter range.")]
    [InlineData("statementStats(groupBy: [KIND], first: 101) { totalCount }", "PAGE_SIZE_EXCEEDED", "Requesting more than 100 items per page is not allowed ('first' was 101).")]
    public async Task Arguments_that_cannot_be_used_are_refused_with_what_was_wrong(string field, string code, string message)
    {
        var response = await GraphQLWire.PostAsync(api.Http, new { query = "{ " + field + " }" });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal((message, code), response.FirstError);
        Assert.Null(response.Json!["data"]);
    }

    [Fact]
    public async Task A_statement_stats_page_counts_in_the_cost_limit()
    {
        await using var factory = new ApiFactory();
        factory.Settings["GraphQL:MaxComplexity"] = "200";
        var response = await GraphQLWire.PostAsync(factory.CreateClient(), new { query = "{ statementStats(groupBy: [KIND], first: 100) { nodes { count kind } } }" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(("The operation's complexity is 211; the maximum allowed is 200. Ask for smaller pages (first/last) or fewer nested fields.", "MAX_COMPLEXITY_EXCEEDED"), response.FirstError);
    }

    private async Task AssertDrillsDownAsync(JsonNode group)
    {
        var response = (await GraphQLWire.PostAsync(
            api.Http,
            new { query = "query ($where: StatementFilterInput) { statements(where: $where) { totalCount } }", variables = new { where = group["where"] } })).EnsureNoErrors();
        Assert.Equal(group["count"]!.GetValue<int>(), response.Data["statements"]!["totalCount"]!.GetValue<int>());
    }
}
