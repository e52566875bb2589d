using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>
/// The store's side of each port call against the Query API double: the parameters it sends for
/// a window, and how it turns the rows it gets back into pages with the SQLite store's page info.
/// (What Neo4j itself computes is covered by the contract suite on a real server.)
/// </summary>
public sealed class Neo4jGraphStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static JsonObject PlaceRow(string key) => new()
    {
        ["key"] = key,
        ["name"] = key.ToUpperInvariant(),
        ["kind"] = "REGION",
        ["aliases"] = new JsonArray(),
        ["containedIn"] = null,
    };

    private static JsonArray PlaceRows(params string[] keys) => new(keys.Select(k => (JsonNode?)PlaceRow(k)).ToArray());

    [Fact]
    public async Task A_forward_page_asks_for_one_row_more_than_it_returns()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(["records"], [PlaceRows("a", "b", "c")]);

        var page = await h.Store.ListAsync<Place>(null, [new SortField(Fields.Name, false)], new PageRequest(2, null, 4, null, false), Cancel);

        Assert.Equal(["a", "b"], page.Items.Select(p => p.Key));
        Assert.Equal((5, true, true, (int?)null), (page.Offset, page.HasPreviousPage, page.HasNextPage, page.TotalCount));
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("""{"skip":5,"limit":3}""", request.Parameters.ToJsonString());
        Assert.DoesNotContain("count(", request.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_is_counted_in_the_same_statement_only_when_asked_for()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(["total", "records"], [JsonValue.Create(2), PlaceRows("a", "b")]);

        var page = await h.Store.ListAsync<Place>(null, [], new PageRequest(5, null, null, null, true), Cancel);

        Assert.Equal(["a", "b"], page.Items.Select(p => p.Key));
        Assert.Equal((0, false, false, (int?)2), (page.Offset, page.HasPreviousPage, page.HasNextPage, page.TotalCount));
        Assert.Contains("RETURN count(t) AS total", Assert.Single(h.Api.Requests).Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_items_are_read_in_reverse_and_returned_in_order()
    {
        await using var h = await StoreHarness.StartAsync();

        // 16 places; the last three in reverse order are p15, p14, p13.
        h.Api.Responder = _ => Reply.Rows(["total", "records"], [JsonValue.Create(16), PlaceRows("p15", "p14", "p13")]);

        var page = await h.Store.ListAsync<Place>(null, [new SortField(Fields.Name, false)], new PageRequest(null, 3, null, null, false), Cancel);

        Assert.Equal(["p13", "p14", "p15"], page.Items.Select(p => p.Key));
        Assert.Equal((13, true, false, (int?)null), (page.Offset, page.HasPreviousPage, page.HasNextPage, page.TotalCount));
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("""{"limit":3}""", request.Parameters.ToJsonString());
        Assert.Contains("ORDER BY t.name IS NULL DESC, t.name DESC, t.key DESC LIMIT $limit", request.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_items_never_reach_before_the_after_cursor()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(["total", "records"], [JsonValue.Create(4), PlaceRows("p3", "p2", "p1", "p0")]);

        var page = await h.Store.ListAsync<Place>(null, [], new PageRequest(null, 10, 1, null, true), Cancel);

        Assert.Equal(["p2", "p3"], page.Items.Select(p => p.Key));
        Assert.Equal((2, true, false, (int?)4), (page.Offset, page.HasPreviousPage, page.HasNextPage, page.TotalCount));
    }

    [Fact]
    public async Task Expand_gives_every_requested_parent_a_page_with_the_offset_counted_up_to_the_cursor()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(
            ["parentKey", "total", "skipped", "records"],
            [JsonValue.Create("ukraine"), JsonValue.Create(5), JsonValue.Create(1), PlaceRows("b", "c", "d")],
            [JsonValue.Create("russia"), JsonValue.Create(1), JsonValue.Create(1), PlaceRows()]);

        var pages = await h.Store.ExpandAsync(
            Relations.PlaceContains, ["ukraine", "russia", "atlantis", "ukraine"], null, [], new PageRequest(2, null, 0, null, true), Cancel);

        Assert.Equal(["atlantis", "russia", "ukraine"], pages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["b", "c"], pages["ukraine"].Items.Select(p => p.Key));
        Assert.Equal((1, true, true, (int?)5), (pages["ukraine"].Offset, pages["ukraine"].HasPreviousPage, pages["ukraine"].HasNextPage, pages["ukraine"].TotalCount));
        Assert.Equal((0, 1, true, false, (int?)1), (pages["russia"].Items.Count, pages["russia"].Offset, pages["russia"].HasPreviousPage, pages["russia"].HasNextPage, pages["russia"].TotalCount));
        Assert.Equal((0, 0, false, false, (int?)0), (pages["atlantis"].Items.Count, pages["atlantis"].Offset, pages["atlantis"].HasPreviousPage, pages["atlantis"].HasNextPage, pages["atlantis"].TotalCount));
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("""{"parents":["ukraine","russia","atlantis"],"start":1,"limit":3}""", request.Parameters.ToJsonString());
    }

    [Fact]
    public async Task Double_sees_a_relation_page_cut_per_parent_with_no_count_unless_asked_for()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(["parentKey", "records"], [JsonValue.Create("russia"), PlaceRows("a", "b", "c")]);

        var pages = await h.Store.ExpandAsync(
            Relations.PlaceContains, ["russia"], null, [new SortField(Fields.Name, true)], PageRequest.FirstItems(2), Cancel);

        Assert.Equal((2, 0, false, true, (int?)null), (pages["russia"].Items.Count, pages["russia"].Offset, pages["russia"].HasPreviousPage, pages["russia"].HasNextPage, pages["russia"].TotalCount));
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("""{"parents":["russia"],"limit":3}""", request.Parameters.ToJsonString());

        // The order and the limit sit inside the parent's subquery; nothing is collected whole
        // and sliced afterwards, and nothing is counted.
        Assert.Equal(
            """
            UNWIND $parents AS parentKey
            CALL (parentKey) {
            MATCH (parent:Place {key: parentKey})<-[:CONTAINED_IN]-(t:Place)
            WHERE true
            WITH t ORDER BY t.name IS NULL, t.name DESC, t.key LIMIT $limit
            """,
            request.Statement[..request.Statement.IndexOf("\nRETURN collect(", StringComparison.Ordinal)]);
        Assert.DoesNotContain("count(", request.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("..", request.Statement, StringComparison.Ordinal);
        Assert.EndsWith("\nRETURN parentKey, records", request.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Double_sees_the_last_items_of_each_parent_read_as_its_reversed_tail()
    {
        await using var h = await StoreHarness.StartAsync();

        // 6 places under ukraine, the last three in reverse order p5, p4, p3; after p3 (start 4):
        // only p4 and p5 are in range.
        h.Api.Responder = _ => Reply.Rows(["parentKey", "total", "tail"], [JsonValue.Create("ukraine"), JsonValue.Create(6), PlaceRows("p5", "p4", "p3")]);

        var pages = await h.Store.ExpandAsync(Relations.PlaceContains, ["ukraine"], null, [], new PageRequest(null, 3, 3, null, true), Cancel);

        Assert.Equal(["p4", "p5"], pages["ukraine"].Items.Select(p => p.Key));
        Assert.Equal((4, true, false, (int?)6), (pages["ukraine"].Offset, pages["ukraine"].HasPreviousPage, pages["ukraine"].HasNextPage, pages["ukraine"].TotalCount));
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("""{"parents":["ukraine"],"last":3}""", request.Parameters.ToJsonString());
        Assert.Contains("WITH t ORDER BY t.key DESC LIMIT $last\nRETURN collect(", request.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Double_sees_the_last_items_before_a_cursor_inside_the_list_read_forward_from_known_bounds()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(
            ["parentKey", "total", "tail", "records"],
            [JsonValue.Create("ukraine"), JsonValue.Create(10), PlaceRows(), PlaceRows("p5", "p6")],
            [JsonValue.Create("russia"), JsonValue.Create(3), PlaceRows("q2", "q1", "q0"), PlaceRows()]);

        var pages = await h.Store.ExpandAsync(Relations.PlaceContains, ["ukraine", "russia"], null, [], new PageRequest(null, 2, null, 7, false), Cancel);

        Assert.Equal(["p5", "p6"], pages["ukraine"].Items.Select(p => p.Key));
        Assert.Equal((5, true, true), (pages["ukraine"].Offset, pages["ukraine"].HasPreviousPage, pages["ukraine"].HasNextPage));
        Assert.Equal(["q1", "q2"], pages["russia"].Items.Select(p => p.Key));
        Assert.Equal((1, true, false), (pages["russia"].Offset, pages["russia"].HasPreviousPage, pages["russia"].HasNextPage));
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("""{"parents":["ukraine","russia"],"before":7,"last":2,"low":5,"size":2}""", request.Parameters.ToJsonString());
    }

    [Fact]
    public async Task Members_are_read_as_affiliations()
    {
        await using var h = await StoreHarness.StartAsync();
        var member = new JsonObject { ["person"] = "dmitry-medvedev", ["organisation"] = "security-council-of-russia", ["role"] = "deputy chair", ["current"] = true };
        h.Api.Responder = _ => Reply.Rows(["parentKey", "total", "records"], [JsonValue.Create("security-council-of-russia"), JsonValue.Create(1), new JsonArray(member)]);

        var pages = await h.Store.ExpandAsync(Relations.OrganisationMembers, ["security-council-of-russia"], null, [], PageRequest.FirstItems(10), Cancel);

        Assert.Equal([new Affiliation("dmitry-medvedev", "security-council-of-russia", "deputy chair", true)], pages["security-council-of-russia"].Items);
    }

    [Fact]
    public async Task Existing_reads_the_type_and_key_of_each_row()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(["type", "key"], [JsonValue.Create("Place"), JsonValue.Create("ukraine")], [JsonValue.Create("Person"), JsonValue.Create("donald-trump")]);

        var found = await h.Store.ExistingAsync([new NodeId(NodeType.Place, "ukraine"), new NodeId(NodeType.Person, "donald-trump"), new NodeId(NodeType.Person, "nobody")], Cancel);

        Assert.Equal([new NodeId(NodeType.Person, "donald-trump"), new NodeId(NodeType.Place, "ukraine")], found.OrderBy(k => k.ToString(), StringComparer.Ordinal));
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("""{"p0":["donald-trump","nobody"],"p1":["ukraine"]}""", request.Parameters.ToJsonString());
    }

    [Fact]
    public async Task An_import_is_one_statement_carrying_the_whole_batch()
    {
        await using var h = await StoreHarness.StartAsync();
        var batch = new GraphBatch(
            [new Article("a1", null, null, "Live Mint", null, ["AFP"], new DateTimeOffset(2025, 6, 9, 8, 0, 0, 123, TimeSpan.FromHours(3)), "en", "Text.")],
            [new Place("ukraine", "Ukraine", PlaceKind.Country, ["Ukraina"], null)],
            [],
            [new Person("p1", "P One", [], null, [new Affiliation("p1", "o1", null, true)])],
            [new Negotiation("n1", "Talks", NegotiationStatus.Stalled, null, ["o1"], [new NegotiationRound(null, new DateOnly(2025, 6, 2), "istanbul")])],
            [new Statement("s1", "Said.", StatementKind.Claim, false, null, null, null, ["ukraine"], null, null, [new Evidence("a1", 0, 5, "Text.")])]);

        await h.Store.ImportAsync(batch, Cancel);

        var request = Assert.Single(h.Api.Requests);
        Assert.Equal(1, h.Counter.Total);
        var p = request.Parameters;
        Assert.Equal(
            """{"key":"a1","title":null,"url":null,"publisher":"Live Mint","syndicator":null,"agencies":["AFP"],"publishedAt":"2025-06-09T05:00:00.1230000Z","publishedAtOffset":180,"language":"en","text":"Text."}""",
            p["articles"]![0]!.ToJsonString());
        Assert.Equal("""[{"organisation":"o1","role":null,"current":true}]""", p["people"]![0]!["affiliations"]!.ToJsonString());
        Assert.Equal("""[{"number":null,"date":"2025-06-02","venue":"istanbul"}]""", p["negotiations"]![0]!["rounds"]!.ToJsonString());
        Assert.Equal("""[{"article":"a1","start":0,"end":5,"text":"Text."}]""", p["statements"]![0]!["evidence"]!.ToJsonString());
        Assert.Equal(["articles", "places", "organisations", "people", "negotiations", "statements", "redirects", "changes"], p.Select(x => x.Key));
        Assert.Equal("[]", p["changes"]!.ToJsonString());
    }

    [Fact]
    public async Task Initialising_applies_every_schema_statement_in_file_order_idempotently()
    {
        await using var h = await StoreHarness.StartAsync();

        await h.Store.InitializeAsync(Cancel);

        var statements = h.Api.Requests.Select(r => r.Statement).ToArray();
        Assert.Equal(24, statements.Length);
        Assert.StartsWith("CREATE CONSTRAINT article_key IF NOT EXISTS FOR (n:Article) REQUIRE n.key IS UNIQUE", statements[0], StringComparison.Ordinal);
        Assert.Equal(9, statements.Count(s => s.StartsWith("CREATE CONSTRAINT ", StringComparison.Ordinal)));
        Assert.Equal("CREATE TEXT INDEX statement_text IF NOT EXISTS FOR (n:Statement) ON (n.text)", statements[13]);
        Assert.Equal("CREATE INDEX change_key_name IF NOT EXISTS FOR (n:Change) ON (n.keyName)", statements[16]);
        Assert.StartsWith("CREATE CONSTRAINT redirect_key IF NOT EXISTS FOR (n:Redirect)", statements[17], StringComparison.Ordinal);
        Assert.Equal("MATCH (n:Statement) WHERE n.retracted IS NULL SET n.retracted = false", statements[18]);
        Assert.Equal(3, statements[19..22].Count(s => s.StartsWith("CREATE FULLTEXT INDEX search_", StringComparison.Ordinal)));
        Assert.StartsWith("CREATE CONSTRAINT change_node_id IF NOT EXISTS FOR (n:ChangeNode)", statements[22], StringComparison.Ordinal);
        Assert.StartsWith("MATCH (c:Change) WHERE NOT EXISTS { (c)-[:TOUCHED]->() }", statements[23], StringComparison.Ordinal);

        // Every statement but the one-off back-fills (of `retracted`, of the change log's links) is a guarded schema change.
        Assert.All(statements.Where((_, i) => i is not 18 and not 23), s => Assert.Contains(" IF NOT EXISTS ", s, StringComparison.Ordinal));
        Assert.Equal(24, h.Counter.Total);
    }
}
