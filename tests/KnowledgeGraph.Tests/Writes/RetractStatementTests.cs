using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Tests.Writes;

/// <summary>
/// <c>retractStatement</c> through the real host on a real SQLite file: the statement is kept
/// with its evidence and marked, every list, count, statistic and timeline leaves it out unless
/// its filter names <c>retracted</c>, and <c>node</c> still returns it.
/// </summary>
public sealed class RetractStatementTests : IAsyncLifetime
{
    private const string Retract = """
        mutation($input: RetractStatementInput!) {
          retractStatement(input: $input) {
            statement { key retracted retractionReason retractedAt evidence { article { key } } }
            errors { __typename ... on Error { message } ... on InvalidIdError { field } ... on NotFoundError { id } ... on AlreadyRetractedError { id } }
          }
        }
        """;

    // Every field that lists statements, each asked twice: by default and with retracted ones.
    private const string Lists = """
        query($person: ID!, $place: ID!, $negotiation: ID!, $article: ID!, $answered: ID!) {
          statements { totalCount nodes { key } }
          retracted: statements(where: { retracted: { eq: true } }) { totalCount nodes { key } }
          everything: statements(where: { or: [{ retracted: { eq: true } }, { retracted: { eq: false } }] }) { totalCount }
          person: node(id: $person) { ... on Person { statements { totalCount } all: statements(where: { retracted: { eq: true } }) { totalCount } } }
          place: node(id: $place) { ... on Place { direct: statementsAbout(includeContainedPlaces: false) { totalCount } within: statementsAbout { totalCount }
            all: statementsAbout(where: { retracted: { eq: true } }) { totalCount } } }
          negotiation: node(id: $negotiation) { ... on Negotiation { statements { totalCount } all: statements(where: { retracted: { eq: true } }) { totalCount } } }
          article: node(id: $article) { ... on Article { statements { totalCount } all: statements(where: { retracted: { eq: true } }) { totalCount } } }
          answered: node(id: $answered) { ... on Statement { responses { totalCount } all: responses(where: { retracted: { eq: true } }) { totalCount } } }
          stats: statementStats(groupBy: [KIND]) { nodes { kind count } }
          retractedStats: statementStats(groupBy: [KIND], where: { retracted: { eq: true } }) { nodes { kind count } }
          timeline(node: $person) { nodes { statement { key } } }
        }
        """;

    private EditHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await EditHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string Id(NodeType type, string key) => EditHost.Id(type, key);

    private static object ListVariables => new
    {
        person = Id(NodeType.Person, "person-m-holt"),
        place = Id(NodeType.Place, "village-tilde"),
        negotiation = Id(NodeType.Negotiation, "neg-river-talks"),
        article = Id(NodeType.Article, "ostria-courier-1"),
        answered = Id(NodeType.Statement, "st-dam"),
    };

    private async Task<JsonNode> RetractAsync(string id, string reason) =>
        (await _host.MutateAsync(Retract, new { input = new { id, reason } }))["retractStatement"]!;

    [Fact]
    public async Task A_retracted_statement_is_kept_and_marked_and_every_list_leaves_it_out_by_default()
    {
        var before = await _host.QueryAsync(Lists, ListVariables);
        Assert.Equal(
            """{"statements":{"totalCount":5,"nodes":[{"key":"st-dam"},{"key":"st-dam-2"},{"key":"st-plan"},{"key":"st-reply"},{"key":"st-talks"}]},"retracted":{"totalCount":0,"nodes":[]},"everything":{"totalCount":5}"""
            + ""","person":{"statements":{"totalCount":2},"all":{"totalCount":0}},"place":{"direct":{"totalCount":1},"within":{"totalCount":1},"all":{"totalCount":0}}"""
            + ""","negotiation":{"statements":{"totalCount":1},"all":{"totalCount":0}},"article":{"statements":{"totalCount":3},"all":{"totalCount":0}}"""
            + ""","answered":{"responses":{"totalCount":2},"all":{"totalCount":0}},"stats":{"nodes":[{"kind":"ANNOUNCEMENT","count":2},{"kind":"CLAIM","count":2},{"kind":"DENIAL","count":1}]}"""
            + ""","retractedStats":{"nodes":[]},"timeline":{"nodes":[{"statement":{"key":"st-talks"}},{"statement":{"key":"st-plan"}}]}}""",
            before.ToJsonString());

        var result = await RetractAsync(Id(NodeType.Statement, "st-talks"), "  The Courier withdrew the quote.  ");

        Assert.Null(result["errors"]);
        var statement = result["statement"]!;
        Assert.Equal(
            """{"key":"st-talks","retracted":true,"retractionReason":"The Courier withdrew the quote.","evidence":[{"article":{"key":"ostria-courier-1"}}]}""",
            new JsonObject
            {
                ["key"] = statement["key"]!.DeepClone(),
                ["retracted"] = statement["retracted"]!.DeepClone(),
                ["retractionReason"] = statement["retractionReason"]!.DeepClone(),
                ["evidence"] = statement["evidence"]!.DeepClone(),
            }.ToJsonString());
        var at = DateTimeOffset.Parse(statement["retractedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(at, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        var after = await _host.QueryAsync(Lists, ListVariables);
        Assert.Equal(
            """{"statements":{"totalCount":4,"nodes":[{"key":"st-dam"},{"key":"st-dam-2"},{"key":"st-plan"},{"key":"st-reply"}]},"retracted":{"totalCount":1,"nodes":[{"key":"st-talks"}]},"everything":{"totalCount":5}"""
            + ""","person":{"statements":{"totalCount":1},"all":{"totalCount":1}},"place":{"direct":{"totalCount":0},"within":{"totalCount":0},"all":{"totalCount":1}}"""
            + ""","negotiation":{"statements":{"totalCount":0},"all":{"totalCount":1}},"article":{"statements":{"totalCount":2},"all":{"totalCount":1}}"""
            + ""","answered":{"responses":{"totalCount":1},"all":{"totalCount":1}},"stats":{"nodes":[{"kind":"ANNOUNCEMENT","count":2},{"kind":"CLAIM","count":1},{"kind":"DENIAL","count":1}]}"""
            + ""","retractedStats":{"nodes":[{"kind":"CLAIM","count":1}]},"timeline":{"nodes":[{"statement":{"key":"st-plan"}}]}}""",
            after.ToJsonString());

        var node = await _host.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on Statement { key retracted retractionReason evidence { text } } } }",
            new { id = Id(NodeType.Statement, "st-talks") });
        Assert.Equal(
            """{"node":{"key":"st-talks","retracted":true,"retractionReason":"The Courier withdrew the quote.","evidence":[{"text":"The river talks go on in Brask."}]}}""",
            node.ToJsonString());
    }

    [Fact]
    public async Task Retracting_twice_is_a_typed_error_that_keeps_the_first_reason()
    {
        var id = Id(NodeType.Statement, "st-plan");
        var first = await RetractAsync(id, "First reason.");

        var second = await RetractAsync(id, "Second reason.");

        Assert.Null(second["statement"]);
        var error = Assert.Single(second["errors"]!.AsArray())!;
        Assert.Equal(
            ("AlreadyRetractedError", "'id': the Statement \"st-plan\" was retracted before; its first reason and time are kept.", id),
            (error["__typename"]!.GetValue<string>(), error["message"]!.GetValue<string>(), error["id"]!.GetValue<string>()));
        var node = await _host.QueryAsync("query($id: ID!) { node(id: $id) { ... on Statement { retractionReason retractedAt } } }", new { id });
        Assert.Equal("First reason.", node["node"]!["retractionReason"]!.GetValue<string>());
        Assert.Equal(first["statement"]!["retractedAt"]!.GetValue<string>(), node["node"]!["retractedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retraction_is_in_the_change_log_once()
    {
        var id = Id(NodeType.Statement, "st-plan");

        await RetractAsync(id, "First reason.");
        await RetractAsync(id, "Second reason.");

        var changes = (await _host.MutateAsync("query($id: ID!) { changes(where: { nodeId: $id }) { nodes { keyName operation records { id outcome } } } }", new { id }))["changes"]!["nodes"]!.AsArray();
        Assert.Equal(["retractStatement", "importBundle"], changes.Select(n => n!["operation"]!.GetValue<string>()));
        Assert.Equal($$"""{"keyName":"editor","operation":"retractStatement","records":[{"id":"{{id}}","outcome":"UPDATED"}]}""", changes[0]!.ToJsonString());
    }

    public static TheoryData<string, string, string> BadRetractions => new()
    {
        { Id(NodeType.Statement, "no-such-statement"), "A reason.", "NotFoundError" },
        { Id(NodeType.Person, "person-m-holt"), "A reason.", "InvalidIdError" },
        { "%%%", "A reason.", "InvalidIdError" },
        { Id(NodeType.Statement, "st-dam"), "   ", "InvalidReasonError" },
        { Id(NodeType.Statement, "st-dam"), new string('x', 2001), "InvalidReasonError" },
    };

    [Theory]
    [MemberData(nameof(BadRetractions))]
    public async Task A_retraction_that_cannot_be_made_is_a_typed_error_and_writes_nothing(string id, string reason, string error)
    {
        var before = (await _host.QueryAsync(Lists, ListVariables)).ToJsonString();

        var result = await RetractAsync(id, reason);

        Assert.Null(result["statement"]);
        var only = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal(error, only["__typename"]!.GetValue<string>());
        Assert.StartsWith(error == "InvalidReasonError" ? "'reason':" : "'id':", only["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, (await _host.QueryAsync(Lists, ListVariables)).ToJsonString());
    }

    [Fact]
    public async Task Without_a_key_a_retraction_is_refused_and_writes_nothing()
    {
        var response = await _host.SendAsync(
            new { query = Retract, variables = new { input = new { id = Id(NodeType.Statement, "st-dam"), reason = "A reason." } } },
            withKey: false);

        Assert.Equal((System.Net.HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED"), (response.Status, response.Code));
        var data = await _host.QueryAsync("{ statements(where: { retracted: { eq: true } }) { totalCount } }");
        Assert.Equal(0, data["statements"]!["totalCount"]!.GetValue<int>());
    }
}
