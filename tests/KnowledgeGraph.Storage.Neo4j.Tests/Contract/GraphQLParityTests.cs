using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeGraph.Storage.Neo4j.Tests.Contract;

/// <summary>The same GraphQL questions, asked of the real host on SQLite and on Neo4j, get the same JSON.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class GraphQLParityTests(Neo4jServer server) : IDisposable
{
    private readonly string _sqlite = Path.Combine(Path.GetTempPath(), "kg-parity-" + Guid.NewGuid().ToString("N") + ".db");

    public static TheoryData<string> Questions =>
    [
        "{ places(where: { name: { eq: \"Dnipropetrovsk Oblast\" } }) { nodes { name statementsAbout(order: [{ date: DESC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { id text kind direct date saidAt { name } speaker { __typename ... on Person { name affiliations { role current organisation { name } } } ... on Organisation { name } } respondsTo { key } evidence { start end text article { publisher } } } } } } }",
        "{ statements(where: { speaker: { name: { eq: \"Dmitry Medvedev\" } } }) { nodes { text negotiation { name status parties { name } rounds { date venue { name } } } } } }",
        "{ statements(where: { kind: { eq: DEMAND }, about: { some: { name: { eq: \"Crimea\" } } } }) { nodes { text date responses(order: [{ kind: ASC }]) { totalCount nodes { kind text } } } } }",
        "{ places(first: 16, order: [{ name: ASC }]) { nodes { key kind aliases containedIn { key } contains { totalCount } statementsAbout(first: 3, includeContainedPlaces: false) { totalCount nodes { key } } } } }",
        "{ statements(last: 4, order: [{ date: ASC }, { text: DESC }], where: { or: [{ date: { eq: null } }, { direct: { eq: true } }] }) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor } nodes { key } } }",
        "{ organisations(order: [{ kind: DESC }], where: { name: { ncontains: \"of\" } }) { nodes { key kind country { key } partOf { key } members { nodes { role current person { name } } } statements(first: 2) { totalCount nodes { key } } } } }",
        "{ articles { nodes { key title url publisher syndicator agencies publishedAt language statements(first: 100) { totalCount } } } }",
        "{ a: people(where: { name: { containsIgnoreCase: \"MEDVEDEV\" } }) { nodes { key } } b: places(where: { name: { nstartsWithIgnoreCase: \"d\", endsWithIgnoreCase: \"OBLAST\" } }, order: [{ name: ASC }]) { nodes { key } } c: people(where: { description: { neqIgnoreCase: \"X\" } }) { totalCount } d: organisations(where: { name: { inIgnoreCase: [\"eu\", \"european union\", \"AFP\"] } }) { nodes { key } } }",
        "{ a: statements(where: { date: { ngt: \"2025-06-05\" } }, order: [{ date: DESC }], first: 30) { totalCount nodes { key date } } b: statements(where: { date: { nlte: \"2025-06-02\", neq: null } }) { nodes { key } } c: articles(where: { publishedAt: { ngte: \"2025-01-01T00:00:00Z\" } }) { nodes { key } } }",
        "{ statements { aggregate { count date { min max } kind { value count } } } places { aggregate { count kind { value count } } } negotiations { aggregate { count roundDate { min max } status { value count } } } articles { aggregate { count publishedAt { min max } } } }",
        "{ people(order: [{ statementsCount: DESC }]) { nodes { key statements { aggregate { count date { min max } kind { value count } } } } } organisations(order: [{ membersCount: DESC }, { statementsCount: ASC }]) { nodes { key members { aggregate { count } } } } }",
        "{ places(order: [{ statementsAboutCount: DESC }], first: 8) { nodes { key within: statementsAbout { aggregate { count date { min max } } } direct: statementsAbout(includeContainedPlaces: false) { aggregate { count } } contains(order: [{ statementsAboutCount: DESC }]) { aggregate { count kind { value count } } nodes { key } } } } }",
        "{ negotiations(order: [{ roundsCount: DESC }, { statementsCount: DESC }]) { nodes { key statements { aggregate { count kind { value count } } } } } articles(order: [{ statementsCount: DESC }]) { nodes { key } } }",
        "{ a: path(from: \"UGVyc29uOmt5cnlsby1idWRhbm92\", to: \"TmVnb3RpYXRpb246aXN0YW5idWwtcGVhY2UtdGFsa3M=\") { length nodes { id } hops { relationship direction } } b: path(from: \"UGVyc29uOmRtaXRyeS1tZWR2ZWRldg==\", to: \"UGxhY2U6Y3JpbWVh\", maxLength: 3) { nodes { id } hops { relationship direction } } }",
        "{ a: search(text: \"BUDANOV\") { totalCount pageInfo { hasNextPage } nodes { field snippet node { __typename ... on Node { id } ... on Person { name } } } } b: search(text: \"medvedev\", types: [PERSON]) { totalCount nodes { field snippet node { ... on Node { id } } } } c: search(text: \"crimea kyiv zzzz\") { totalCount nodes { field } } }",
        "{ people(order: [{ statementsCount: ASC }], first: 2) { pageInfo { hasNextPage endCursor } edges { cursor node { key } } } places(order: [{ statementsAboutCount: DESC }], last: 3) { pageInfo { hasPreviousPage startCursor } edges { cursor node { key } } } statementStats(groupBy: [KIND], order: [{ count: DESC }], first: 3) { pageInfo { hasNextPage endCursor } edges { cursor node { kind count } } } }",
    ];

    /// <summary>
    /// Searches with several hits: both stores find the same nodes, by the same field, with the
    /// same snippet. Each ranks by its own index statistics (FTS5's bm25, Lucene's), so the hits
    /// are compared in node order and without their scores.
    /// </summary>
    public static TheoryData<string> Searches =>
    [
        "russian",
        "REGION",
        "crimea",
        "kyiv",
    ];

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Both_stores_find_the_same_search_hits(string text)
    {
        await server.SeededAsync(); // skips with the reason where no Docker engine answers
        var options = server.Options;
        await using var sqlite = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Sqlite:Path", _sqlite));
        await using var neo4j = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Store", "Neo4j")
            .UseSetting("Neo4j:Uri", options.Uri.ToString())
            .UseSetting("Neo4j:Password", options.Password));

        var query = "{ search(text: " + JsonValue.Create(text).ToJsonString() + ", first: 100) { totalCount nodes { field snippet node { ... on Node { id } } } } }";
        static string[] Hits(JsonNode answer) => [.. answer["data"]!["search"]!["nodes"]!.AsArray()
            .Select(n => $"{n!["node"]!["id"]} {n["field"]} {n["snippet"]}")
            .Order(StringComparer.Ordinal)];
        var expected = await AskAsync(sqlite, query);
        var actual = await AskAsync(neo4j, query);
        Assert.Null(expected["errors"]);
        Assert.Null(actual["errors"]);
        Assert.True(expected["data"]!["search"]!["totalCount"]!.GetValue<int>() > 1, $"'{text}' should find several nodes on the shipped data");
        Assert.Equal(expected["data"]!["search"]!["totalCount"]!.GetValue<int>(), actual["data"]!["search"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(Hits(expected), Hits(actual));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_sqlite);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Both_stores_answer_alike(string question)
    {
        await server.SeededAsync(); // skips with the reason where no Docker engine answers
        var options = server.Options;
        await using var sqlite = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Sqlite:Path", _sqlite));
        await using var neo4j = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Store", "Neo4j")
            .UseSetting("Neo4j:Uri", options.Uri.ToString())
            .UseSetting("Neo4j:Password", options.Password));

        var expected = await AskAsync(sqlite, question);
        var actual = await AskAsync(neo4j, question);
        Assert.Null(expected["errors"]);
        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
    }

    private static async Task<JsonNode> AskAsync(WebApplicationFactory<Program> host, string query)
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/graphql", new { query }, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}
