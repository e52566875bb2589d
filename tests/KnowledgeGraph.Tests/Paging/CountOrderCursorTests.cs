using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Writes;

namespace KnowledgeGraph.Tests.Paging;

/// <summary>
/// Pages of lists sorted by a relationship count, and of statement statistics sorted by count,
/// carry keyset cursors (the count and the key): a record written between two page requests,
/// sorting before the cursor, neither repeats nor hides a row of the next page. Through the real
/// host on a real SQLite file holding the shipped article; the alliance, its statement and its
/// article are fictional.
/// </summary>
public sealed class CountOrderCursorTests : IAsyncLifetime
{
    private const string Article = "Brackwater, 4 May. The Aardvark Alliance said the old canal lock will reopen in June.";

    private readonly WriteHost _host = new(seeded: true);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string Decode(string cursor) => Encoding.UTF8.GetString(Convert.FromBase64String(cursor));

    private static string[] Keys(JsonNode connection) => [.. connection["nodes"]!.AsArray().Select(n => n!["key"]!.GetValue<string>())];

    [Fact]
    public async Task A_person_added_before_the_cursor_does_not_shift_the_next_page_of_people_by_statements()
    {
        const string Page = "query($after: String) { people(order: [{ statementsCount: ASC }], first: 2, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor } nodes { key statements { totalCount } } } }";
        var before = Keys((await _host.DataAsync("{ people(order: [{ statementsCount: ASC }], first: 100) { nodes { key } } }"))["people"]!);
        var first = (await _host.DataAsync(Page, new { after = (string?)null }))["people"]!;
        Assert.Equal(before[..2], Keys(first));

        // The cursor is the row's count and key, not its index.
        var last = first["nodes"]![1]!;
        var endCursor = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        Assert.Equal($"[{last["statements"]!["totalCount"]!.GetValue<int>()},\"{last["key"]!.GetValue<string>()}\"]", Decode(endCursor));
        Assert.Equal(endCursor, first["edges"]![1]!["cursor"]!.GetValue<string>());

        // A person with no statement and the first key sorts before the cursor.
        await _host.DataAsync("mutation { createPerson(input: { name: \"Aaltje Aardvark\" }) { person { key } } }");
        var now = Keys((await _host.DataAsync("{ people(order: [{ statementsCount: ASC }], first: 100) { nodes { key } } }"))["people"]!);
        Assert.Equal(["aaltje-aardvark", .. before], now);

        var second = (await _host.DataAsync(Page, new { after = endCursor }))["people"]!;
        Assert.Equal(before[2..4], Keys(second));
        Assert.True(second["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(before.Length > 4, second["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        // Backwards from the second page's first row: the rows before it, the new person included.
        var back = (await _host.DataAsync(
            "query($before: String) { people(order: [{ statementsCount: ASC }], last: 3, before: $before) { nodes { key } } }",
            new { before = second["edges"]![0]!["cursor"]!.GetValue<string>() }))["people"]!;
        Assert.Equal(["aaltje-aardvark", before[0], before[1]], Keys(back));
    }

    [Fact]
    public async Task A_speaker_added_before_the_cursor_does_not_shift_the_next_page_of_statement_stats_by_count()
    {
        const string Page = "query($after: String) { statementStats(groupBy: [SPEAKER], order: [{ count: ASC }], first: 3, after: $after) { totalCount pageInfo { endCursor } nodes { count speaker { ... on Node { id } } } } }";
        static string[] Groups(JsonNode stats) => [.. stats["nodes"]!.AsArray().Select(n => $"{n!["speaker"]!["id"]!.GetValue<string>()} {n["count"]}")];

        var all = Groups((await _host.DataAsync("{ statementStats(groupBy: [SPEAKER], order: [{ count: ASC }], first: 100) { nodes { count speaker { ... on Node { id } } } } }"))["statementStats"]!);
        var first = (await _host.DataAsync(Page, new { after = (string?)null }))["statementStats"]!;
        Assert.Equal(all[..3], Groups(first));
        var endCursor = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        var lastGroup = first["nodes"]![2]!;
        Assert.True(NodeId.TryDecode(lastGroup["speaker"]!["id"]!.GetValue<string>(), out var speaker, out _));
        Assert.Equal($"[{lastGroup["count"]},\"{speaker.Type}:{speaker.Key}\"]", Decode(endCursor));

        // A new organisation says one thing: a group of one whose key sorts first.
        await _host.DataAsync("mutation { createOrganisation(input: { name: \"Aardvark Alliance\", kind: OTHER }) { organisation { key } } }");
        await _host.DataAsync("mutation($text: String!) { createArticle(input: { key: \"brackwater-lock\", title: \"Canal lock to reopen\", publisher: \"Brackwater Post\", text: $text }) { article { key } } }", new { text = Article });
        await _host.DataAsync(
            "mutation($article: ID!, $speaker: ID!) { createStatement(input: { text: \"The old canal lock will reopen in June.\", kind: ANNOUNCEMENT, direct: false, speaker: $speaker, evidence: [{ article: $article, text: \"the old canal lock will reopen in June\" }] }) { statement { key } } }",
            new { article = Seed.Id(NodeType.Article, "brackwater-lock"), speaker = Seed.Id(NodeType.Organisation, "aardvark-alliance") });
        var now = Groups((await _host.DataAsync("{ statementStats(groupBy: [SPEAKER], order: [{ count: ASC }], first: 100) { nodes { count speaker { ... on Node { id } } } } }"))["statementStats"]!);
        Assert.Equal([$"{Seed.Id(NodeType.Organisation, "aardvark-alliance")} 1", .. all], now);

        var second = (await _host.DataAsync(Page, new { after = endCursor }))["statementStats"]!;
        Assert.Equal(all[3..6], Groups(second));
        Assert.Equal(all.Length + 1, second["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("people(order: [{ name: ASC }], first: 1, after: $c)", "[0,\"donald-trump\"]", "was issued for another list or order.")]
    [InlineData("people(order: [{ statementsCount: DESC }, { name: ASC }], first: 1, after: $c)", "[0,\"donald-trump\"]", "was issued for another list or order.")]
    [InlineData("places(first: 1, after: $c)", "[0,\"crimea\"]", "was issued for another list or order.")]
    [InlineData("people(order: [{ statementsCount: DESC }], first: 1, after: $c)", "[1.5,\"donald-trump\"]", "is not a cursor issued by this API.")]
    [InlineData("people(order: [{ statementsCount: DESC }], first: 1, after: $c)", "[[0],\"donald-trump\"]", "is not a cursor issued by this API.")]
    [InlineData("people(order: [{ statementsCount: DESC }], first: 1, after: $c)", "[{\"k\":0},\"x\"]", "is not a cursor issued by this API.")]
    [InlineData("people(order: [{ statementsCount: DESC }], first: 1, after: $c)", "[]", "is not a cursor issued by this API.")]
    [InlineData("people(order: [{ statementsCount: DESC }], first: 1, after: $c)", "[0,\"\\ud800\"]", "is not a cursor issued by this API.")]
    [InlineData("people(order: [{ statementsCount: DESC }], first: 1, after: $c)", "[0,\"x\"", "is not a cursor issued by this API.")]
    public async Task A_cursor_that_is_not_a_position_of_this_order_is_an_invalid_cursor(string field, string position, string message)
    {
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes(position));
        var response = await _host.SendAsync($"query($c: String) {{ {field} {{ totalCount }} }}", new { c = cursor });
        var error = Assert.Single(response.Errors!);
        Assert.Equal("INVALID_CURSOR", error!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal($"The cursor '{cursor}' given as 'after' {message}", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_position_with_a_count_and_a_key_no_row_has_pages_from_where_that_row_would_stand()
    {
        // Every person has fewer than 1000 statements, so a position of 1000 under "most first" precedes them all.
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes("[1000,\"zzz\"]"));
        var data = await _host.DataAsync("query($c: String) { all: people(order: [{ statementsCount: DESC }], first: 100) { nodes { key } } after: people(order: [{ statementsCount: DESC }], first: 100, after: $c) { pageInfo { hasPreviousPage } nodes { key } } }", new { c = cursor });
        Assert.Equal(Keys(data["all"]!), Keys(data["after"]!));
        Assert.False(data["after"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }
}
