using System.Text.Json.Nodes;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Filtering;

/// <summary>
/// The <c>…IgnoreCase</c> string operations over HTTP of the real host on the seed and the test
/// article: matched whatever the case, and a value that is absent treated as by the exact operations.
/// </summary>
public sealed class CaseInsensitiveFilterTests(TwoArticlesFixture api) : IClassFixture<TwoArticlesFixture>
{
    private static string[] Names(JsonNode? connection, string field = "name") =>
        [.. connection!["nodes"]!.AsArray().Select(n => n![field]!.GetValue<string>())];

    [Fact]
    public async Task Names_match_whatever_their_case_and_exact_operations_stay_case_sensitive()
    {
        const string query = """
            {
              exact: people(where: { name: { contains: "BRAND" } }) { nodes { name } }
              folded: people(where: { name: { containsIgnoreCase: "BRAND" } }) { nodes { name } }
              eq: people(where: { name: { eqIgnoreCase: "dMITRY mEDVEDEV" } }) { nodes { name } }
              starts: places(where: { name: { startsWithIgnoreCase: "DNIPRO" } }, order: [{ name: ASC }]) { nodes { name } }
              nstarts: places(where: { name: { nstartsWithIgnoreCase: "d", nendsWithIgnoreCase: "OBLAST" } }, order: [{ name: ASC }], first: 3) { nodes { name } }
              ends: organisations(where: { name: { endsWithIgnoreCase: "of UKRAINE" } }, order: [{ name: ASC }]) { nodes { name } }
              in: places(where: { name: { inIgnoreCase: ["kessel", "PORT AMSEL", "nowhere"] } }, order: [{ name: ASC }]) { nodes { name } }
              speaker: statements(where: { speaker: { name: { eqIgnoreCase: "ILSE BRANDVOLD" } } }, order: [{ date: ASC }]) { nodes { key } }
              text: statements(where: { text: { containsIgnoreCase: "RESERVOIRS" } }, order: [{ date: ASC }]) { nodes { key } }
            }
            """;
        var data = (await GraphQLWire.QueryAsync(api.Http, query)).EnsureNoErrors().Data;
        Assert.Empty(Names(data["exact"]));
        Assert.Equal(["Ilse Brandvold"], Names(data["folded"]));
        Assert.Equal(["Dmitry Medvedev"], Names(data["eq"]));
        Assert.Equal(["Dnipro", "Dnipropetrovsk Oblast"], Names(data["starts"]));
        Assert.Equal(["Crimea", "Istanbul", "Kessel"], Names(data["nstarts"]));
        Assert.Equal(["Defence Intelligence of Ukraine", "Government of Ukraine"], Names(data["ends"]));
        Assert.Equal(["Kessel", "Port Amsel"], Names(data["in"]));
        Assert.Equal(["brandvold-rejects-compensation", "brandvold-claims-reservoirs-full"], Names(data["speaker"], "key"));
        Assert.Equal(["brandvold-claims-reservoirs-full", "union-denies-reservoir-claim"], Names(data["text"], "key"));
    }

    [Fact]
    public async Task An_absent_value_matches_only_the_negated_case_insensitive_operations()
    {
        // Of the people, only one has a description: "Lt. Col., commander of Ukraine's southern front".
        const string query = """
            {
              all: people { totalCount }
              eq: people(where: { description: { eqIgnoreCase: "LT. COL., COMMANDER OF UKRAINE'S SOUTHERN FRONT" } }) { nodes { name } }
              neq: people(where: { description: { neqIgnoreCase: "lt. col., commander of ukraine's southern front" } }) { totalCount }
              ncontains: people(where: { description: { ncontainsIgnoreCase: "SOUTHERN" } }) { totalCount }
              contains: people(where: { description: { containsIgnoreCase: "" } }) { nodes { name } }
              nin: people(where: { description: { ninIgnoreCase: ["LT. COL., COMMANDER OF UKRAINE'S SOUTHERN FRONT"] } }) { totalCount }
            }
            """;
        var data = (await GraphQLWire.QueryAsync(api.Http, query)).EnsureNoErrors().Data;
        var all = data["all"]!["totalCount"]!.GetValue<int>();
        Assert.Equal(6, all);
        Assert.Equal(["Oleksandr"], Names(data["eq"]));
        Assert.Equal(5, data["neq"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(5, data["ncontains"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(["Oleksandr"], Names(data["contains"]));
        Assert.Equal(5, data["nin"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Null_is_refused_for_a_case_insensitive_operation()
    {
        var response = await GraphQLWire.QueryAsync(api.Http, "{ people(where: { name: { eqIgnoreCase: null } }) { totalCount } }");
        var error = Assert.Single(response.Errors!);
        Assert.Equal("INVALID_FILTER", error!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("where.name.eqIgnoreCase: null is only allowed with 'eq' and 'neq'.", error["message"]!.GetValue<string>());
    }
}
