using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Tests.Writes;

/// <summary>
/// <c>mergeNodes</c> through the real host on a real SQLite file: every relationship moves to
/// the survivor (counted before and after), nothing is doubled, the duplicate's id resolves to
/// the survivor, later imports land on it, and a merge that cannot be made writes nothing.
/// </summary>
public sealed class MergeNodesTests : IAsyncLifetime
{
    private const string Merge = """
        mutation($input: MergeNodesInput!) {
          mergeNodes(input: $input) {
            node { id __typename ... on Person { key name aliases } ... on Place { key aliases } ... on Organisation { key aliases description } ... on Statement { key } ... on Negotiation { key } }
            errors { __typename ... on Error { message } ... on InvalidIdError { field } ... on NotFoundError { id } ... on MergeConflictError { reason } }
          }
        }
        """;

    // Everything a merge can touch, in a stable order.
    private const string Snapshot = """
        {
          people(first: 20) { totalCount nodes { key name aliases description affiliations { role organisation { key } } statements { totalCount nodes { key } } } }
          organisations(first: 20) { totalCount nodes { key name aliases description country { key } partOf { key } members { totalCount nodes { role person { key } } } statements { totalCount nodes { key } } } }
          places(first: 20) { totalCount nodes { key name aliases containedIn { key } contains { totalCount nodes { key } }
            direct: statementsAbout(includeContainedPlaces: false) { totalCount nodes { key } } within: statementsAbout { totalCount nodes { key } } } }
          negotiations(first: 20) { totalCount nodes { key venue { key } parties { key } rounds { number date venue { key } } statements { totalCount nodes { key } } } }
          statements(first: 20) { totalCount nodes { key speaker { ... on Person { key } ... on Organisation { key } } saidAt { key } date about { key }
            negotiation { key } respondsTo { key } responses { totalCount nodes { key } } evidence { start end article { key } } } }
        }
        """;

    private EditHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await EditHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string Id(NodeType type, string key) => EditHost.Id(type, key);

    private async Task<JsonNode> MergeAsync(NodeType type, string survivor, string duplicate) =>
        (await _host.MutateAsync(Merge, new { input = new { survivor = Id(type, survivor), duplicate = Id(type, duplicate) } }))["mergeNodes"]!;

    private static JsonNode Find(JsonNode snapshot, string list, string key) =>
        snapshot[list]!["nodes"]!.AsArray().Single(n => n!["key"]!.GetValue<string>() == key)!;

    private static string[] Keys(JsonNode? connectionOrList) =>
        (connectionOrList is JsonArray array ? array : connectionOrList!["nodes"]!.AsArray()).Select(n => n!["key"]!.GetValue<string>()).ToArray();

    private static int Total(JsonNode snapshot, string list) => snapshot[list]!["totalCount"]!.GetValue<int>();

    [Fact]
    public async Task Merging_a_person_moves_statements_and_affiliations_and_keeps_the_duplicates_names_as_aliases()
    {
        var before = await _host.QueryAsync(Snapshot);
        Assert.Equal(2, Total(before, "people"));
        Assert.Equal(["st-dam"], Keys(Find(before, "people", "person-mira-holt")["statements"]));
        Assert.Equal(["st-plan", "st-talks"], Keys(Find(before, "people", "person-m-holt")["statements"]));
        Assert.Single(Find(before, "people", "person-mira-holt")["affiliations"]!.AsArray());
        Assert.Equal(2, Find(before, "organisations", "org-ostrian-council")["members"]!["totalCount"]!.GetValue<int>());

        var merged = await MergeAsync(NodeType.Person, "person-mira-holt", "person-m-holt");

        Assert.Null(merged["errors"]);
        Assert.Equal(
            $$"""{"id":"{{Id(NodeType.Person, "person-mira-holt")}}","__typename":"Person","key":"person-mira-holt","name":"Mira Holt","aliases":["M. Holt","Minister Holt"]}""",
            merged["node"]!.ToJsonString());
        var after = await _host.QueryAsync(Snapshot);
        Assert.Equal(1, Total(after, "people"));
        var mira = Find(after, "people", "person-mira-holt");
        Assert.Equal(["st-dam", "st-plan", "st-talks"], Keys(mira["statements"]));
        Assert.Equal("Chairs the council.", mira["description"]!.GetValue<string>());

        // The chair role both held is kept once; the duplicate's other role moves.
        Assert.Equal(
            """[{"role":"chair","organisation":{"key":"org-ostrian-council"}},{"role":"spokesperson","organisation":{"key":"org-council-dup"}}]""",
            mira["affiliations"]!.ToJsonString());
        Assert.Equal("""{"totalCount":1,"nodes":[{"role":"chair","person":{"key":"person-mira-holt"}}]}""", Find(after, "organisations", "org-ostrian-council")["members"]!.ToJsonString());
        Assert.Equal("""{"totalCount":1,"nodes":[{"role":"spokesperson","person":{"key":"person-mira-holt"}}]}""", Find(after, "organisations", "org-council-dup")["members"]!.ToJsonString());
        Assert.Equal("""{"key":"person-mira-holt"}""", Find(after, "statements", "st-talks")["speaker"]!.ToJsonString());
        Assert.Equal(Total(before, "statements"), Total(after, "statements"));
    }

    [Fact]
    public async Task A_merge_is_in_the_change_log_under_both_ids_and_a_refused_one_is_not()
    {
        const string Changes = "query($id: ID!) { changes(where: { nodeId: $id }) { nodes { keyName operation records { id outcome } } } }";
        var survivor = Id(NodeType.Person, "person-mira-holt");
        var duplicate = Id(NodeType.Person, "person-m-holt");

        Assert.Equal("NotFoundError", (await MergeAsync(NodeType.Person, "person-mira-holt", "nobody"))["errors"]![0]!["__typename"]!.GetValue<string>());
        await MergeAsync(NodeType.Person, "person-mira-holt", "person-m-holt");

        var merge = $$"""{"keyName":"editor","operation":"mergeNodes","records":[{"id":"{{survivor}}","outcome":"UPDATED"},{"id":"{{duplicate}}","outcome":"MERGED"}]}""";
        var ofDuplicate = (await _host.MutateAsync(Changes, new { id = duplicate }))["changes"]!["nodes"]!.AsArray();
        var ofSurvivor = (await _host.MutateAsync(Changes, new { id = survivor }))["changes"]!["nodes"]!.AsArray();
        Assert.Equal(["mergeNodes", "importBundle"], ofDuplicate.Select(n => n!["operation"]!.GetValue<string>()));
        Assert.Equal(merge, ofDuplicate[0]!.ToJsonString());
        Assert.Equal(["mergeNodes", "importBundle"], ofSurvivor.Select(n => n!["operation"]!.GetValue<string>()));
        Assert.Equal(merge, ofSurvivor[0]!.ToJsonString());
    }

    [Fact]
    public async Task The_duplicates_id_resolves_to_the_survivor_through_node_and_nodes()
    {
        await MergeAsync(NodeType.Person, "person-mira-holt", "person-m-holt");

        var data = await _host.QueryAsync(
            "query($dup: ID!, $ids: [ID!]!) { node(id: $dup) { id ... on Person { key } } nodes(ids: $ids) { id ... on Person { key } } people { nodes { key } } }",
            new { dup = Id(NodeType.Person, "person-m-holt"), ids = new[] { Id(NodeType.Person, "person-m-holt"), Id(NodeType.Person, "nobody"), Id(NodeType.Person, "person-mira-holt") } });

        var survivor = $$"""{"id":"{{Id(NodeType.Person, "person-mira-holt")}}","key":"person-mira-holt"}""";
        Assert.Equal(survivor, data["node"]!.ToJsonString());
        Assert.Equal($"[{survivor},null,{survivor}]", data["nodes"]!.ToJsonString());
        Assert.Equal("""{"nodes":[{"key":"person-mira-holt"}]}""", data["people"]!.ToJsonString());
    }

    [Fact]
    public async Task Merging_a_place_moves_containment_mentions_venues_and_rounds_without_doubling()
    {
        var before = await _host.QueryAsync(Snapshot);
        Assert.Equal(5, Total(before, "places"));
        Assert.Equal(["st-dam", "st-plan", "st-reply"], Keys(Find(before, "places", "town-brask")["direct"]));
        Assert.Equal(["st-plan", "st-talks"], Keys(Find(before, "places", "town-braskk")["direct"]));
        Assert.Equal(["village-tilde"], Keys(Find(before, "places", "town-braskk")["contains"]));
        Assert.Equal(["st-dam", "st-dam-2", "st-plan", "st-reply", "st-talks"], Keys(Find(before, "places", "region-lumen")["within"]));

        var merged = await MergeAsync(NodeType.Place, "town-brask", "town-braskk");

        Assert.Null(merged["errors"]);
        Assert.Equal("""["Brask-on-Lumen","Old Brask"]""", merged["node"]!["aliases"]!.ToJsonString());
        var after = await _host.QueryAsync(Snapshot);
        Assert.Equal(4, Total(after, "places"));
        var brask = Find(after, "places", "town-brask");
        Assert.Equal(["st-dam", "st-plan", "st-reply", "st-talks"], Keys(brask["direct"]));
        Assert.Equal(["st-dam", "st-plan", "st-reply", "st-talks"], Keys(brask["within"]));
        Assert.Equal(["village-tilde"], Keys(brask["contains"]));
        Assert.Equal("""{"key":"town-brask"}""", Find(after, "places", "village-tilde")["containedIn"]!.ToJsonString());
        Assert.Equal(["st-talks"], Keys(Find(after, "places", "village-tilde")["within"]));
        Assert.Equal(["st-dam", "st-dam-2", "st-plan", "st-reply", "st-talks"], Keys(Find(after, "places", "region-lumen")["within"]));

        // A statement about both places is about the survivor once; what it said at the duplicate, it said at the survivor.
        Assert.Equal(["town-brask"], Keys(Find(after, "statements", "st-plan")["about"]));
        Assert.Equal(["town-brask", "village-tilde"], Keys(Find(after, "statements", "st-talks")["about"]));
        Assert.Equal("""{"key":"town-brask"}""", Find(after, "statements", "st-talks")["saidAt"]!.ToJsonString());
        Assert.Equal("""{"key":"town-brask"}""", Find(after, "negotiations", "neg-river-talks")["venue"]!.ToJsonString());

        // The two rounds of the Lumen talks were at the duplicate and the survivor: both now at the survivor.
        Assert.Equal(
            """[{"number":1,"date":"2031-03-02","venue":{"key":"town-brask"}},{"number":2,"date":"2031-04-02","venue":{"key":"town-brask"}}]""",
            Find(after, "negotiations", "neg-lumen-talks")["rounds"]!.ToJsonString());
    }

    [Fact]
    public async Task Merging_an_organisation_moves_members_statements_and_parties_without_doubling()
    {
        var before = await _host.QueryAsync(Snapshot);
        Assert.Equal("""[{"key":"org-ostrian-council"},{"key":"org-council-dup"}]""", Find(before, "negotiations", "neg-river-talks")["parties"]!.ToJsonString());

        var merged = await MergeAsync(NodeType.Organisation, "org-ostrian-council", "org-council-dup");

        Assert.Null(merged["errors"]);
        Assert.Equal("""["Council of Ostria","The Council"]""", merged["node"]!["aliases"]!.ToJsonString());
        Assert.Equal("The national council of Ostria.", merged["node"]!["description"]!.GetValue<string>());
        var after = await _host.QueryAsync(Snapshot);
        Assert.Equal(1, Total(after, "organisations"));
        var council = Find(after, "organisations", "org-ostrian-council");
        Assert.Equal(["st-dam-2"], Keys(council["statements"]));
        Assert.Equal(
            """{"totalCount":3,"nodes":[{"role":"chair","person":{"key":"person-m-holt"}},{"role":"spokesperson","person":{"key":"person-m-holt"}},{"role":"chair","person":{"key":"person-mira-holt"}}]}""",
            council["members"]!.ToJsonString());
        Assert.Equal("""[{"key":"org-ostrian-council"}]""", Find(after, "negotiations", "neg-river-talks")["parties"]!.ToJsonString());
        Assert.Equal("""[{"key":"org-ostrian-council"}]""", Find(after, "negotiations", "neg-lumen-talks")["parties"]!.ToJsonString());
    }

    [Fact]
    public async Task Merging_a_statement_moves_evidence_places_and_responses()
    {
        var merged = await MergeAsync(NodeType.Statement, "st-dam", "st-dam-2");

        Assert.Null(merged["errors"]);
        var after = await _host.QueryAsync(Snapshot);
        Assert.Equal(4, Total(after, "statements"));
        var dam = Find(after, "statements", "st-dam");
        Assert.Equal(
            ["lumen-gazette-2", "ostria-courier-1"],
            dam["evidence"]!.AsArray().Select(e => e!["article"]!["key"]!.GetValue<string>()).ToArray());
        Assert.Equal(["town-brask", "region-lumen"], Keys(dam["about"]));
        Assert.Equal(["st-plan", "st-reply", "st-talks"], Keys(dam["responses"]));
        Assert.Equal("""{"key":"person-mira-holt"}""", dam["speaker"]!.ToJsonString());
        Assert.Equal("""{"key":"neg-lumen-talks"}""", dam["negotiation"]!.ToJsonString());
        Assert.Equal(["st-dam"], Keys(Find(after, "negotiations", "neg-lumen-talks")["statements"]));
    }

    [Fact]
    public async Task Merging_a_negotiation_moves_statements_parties_and_rounds_without_doubling()
    {
        var merged = await MergeAsync(NodeType.Negotiation, "neg-river-talks", "neg-lumen-talks");

        Assert.Null(merged["errors"]);
        var after = await _host.QueryAsync(Snapshot);
        Assert.Equal(1, Total(after, "negotiations"));
        var talks = Find(after, "negotiations", "neg-river-talks");
        Assert.Equal("""[{"key":"org-ostrian-council"},{"key":"org-council-dup"}]""", talks["parties"]!.ToJsonString());
        Assert.Equal(
            """[{"number":1,"date":"2031-03-02","venue":{"key":"town-braskk"}},{"number":2,"date":"2031-04-02","venue":{"key":"town-brask"}}]""",
            talks["rounds"]!.ToJsonString());
        Assert.Equal(["st-dam-2", "st-talks"], Keys(talks["statements"]));
    }

    [Fact]
    public async Task A_bundle_that_names_the_duplicates_key_lands_on_the_survivor()
    {
        await MergeAsync(NodeType.Person, "person-mira-holt", "person-m-holt");
        const string Bundle = """
            {
              "format": "knowledge-graph/v2",
              "articles": [{ "key": "ostria-courier-3", "language": "en", "text": "M. Holt said \"The dam opens in May.\"" }],
              "people": [{ "key": "person-m-holt", "name": "M. Holt", "aliases": ["Deputy Holt"] }],
              "statements": [{
                "key": "st-may", "text": "The dam opens in May.", "kind": "ANNOUNCEMENT", "direct": true,
                "speaker": { "person": "person-m-holt" }, "about": ["town-brask"],
                "evidence": [{ "article": "ostria-courier-3", "text": "The dam opens in May." }]
              }]
            }
            """;

        var imported = await _host.MutateAsync(
            "mutation($input: ImportBundleInput!) { importBundle(input: $input) { accepted changes { key outcome } } }",
            new { input = new { bundle = Bundle } });

        Assert.True(imported["importBundle"]!["accepted"]!.GetValue<bool>(), imported.ToJsonString());
        var data = await _host.QueryAsync("""{ people { totalCount nodes { key aliases statements { nodes { key } } } } }""");
        Assert.Equal(
            """{"totalCount":1,"nodes":[{"key":"person-mira-holt","aliases":["M. Holt","Minister Holt","Deputy Holt"],"statements":{"nodes":[{"key":"st-dam"},{"key":"st-may"},{"key":"st-plan"},{"key":"st-talks"}]}}]}""",
            data["people"]!.ToJsonString());
    }

    public static TheoryData<string, string, string, string> BadMerges => new()
    {
        { Id(NodeType.Person, "person-mira-holt"), Id(NodeType.Place, "town-brask"), "MergeConflictError", "DIFFERENT_TYPES" },
        { Id(NodeType.Person, "person-mira-holt"), Id(NodeType.Person, "person-mira-holt"), "MergeConflictError", "SAME_NODE" },
        { Id(NodeType.Article, "ostria-courier-1"), Id(NodeType.Article, "lumen-gazette-2"), "MergeConflictError", "ARTICLE" },
        { Id(NodeType.Place, "region-lumen"), Id(NodeType.Place, "village-tilde"), "MergeConflictError", "CYCLE" },
        { Id(NodeType.Place, "village-tilde"), Id(NodeType.Place, "country-ostria"), "MergeConflictError", "CYCLE" },
        { Id(NodeType.Statement, "st-talks"), Id(NodeType.Statement, "st-dam"), "MergeConflictError", "CYCLE" },
        { Id(NodeType.Person, "person-mira-holt"), Id(NodeType.Person, "nobody"), "NotFoundError", "duplicate" },
        { Id(NodeType.Person, "nobody"), Id(NodeType.Person, "person-m-holt"), "NotFoundError", "survivor" },
        { "not-an-id", Id(NodeType.Person, "person-m-holt"), "InvalidIdError", "input.survivor" },
        { Id(NodeType.Person, "person-mira-holt"), "UGVyc29u", "InvalidIdError", "input.duplicate" },
    };

    [Theory]
    [MemberData(nameof(BadMerges))]
    public async Task A_merge_that_cannot_be_made_is_a_typed_error_and_writes_nothing(string survivor, string duplicate, string error, string detail)
    {
        var before = (await _host.QueryAsync(Snapshot)).ToJsonString();

        var result = (await _host.MutateAsync(Merge, new { input = new { survivor, duplicate } }))["mergeNodes"]!;

        Assert.Null(result["node"]);
        var only = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal(error, only["__typename"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(only["message"]!.GetValue<string>()));
        var actual = error switch
        {
            "MergeConflictError" => only["reason"]!.GetValue<string>(),
            "InvalidIdError" => only["field"]!.GetValue<string>(),
            _ => only["id"]!.GetValue<string>() == survivor ? "survivor" : "duplicate",
        };
        Assert.Equal(detail, actual);
        Assert.Equal(before, (await _host.QueryAsync(Snapshot)).ToJsonString());
    }

    [Fact]
    public async Task Without_a_key_a_merge_is_refused_and_writes_nothing()
    {
        var before = (await _host.QueryAsync(Snapshot)).ToJsonString();

        var response = await _host.SendAsync(
            new { query = Merge, variables = new { input = new { survivor = Id(NodeType.Person, "person-mira-holt"), duplicate = Id(NodeType.Person, "person-m-holt") } } },
            withKey: false);

        Assert.Equal((System.Net.HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED"), (response.Status, response.Code));
        Assert.Equal(before, (await _host.QueryAsync(Snapshot)).ToJsonString());
    }
}
