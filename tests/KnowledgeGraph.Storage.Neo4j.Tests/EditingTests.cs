using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Editing;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>
/// The store's side of mergeNodes, retractStatement and redirected keys against the Query API
/// double: one statement per call (one transaction), the parameters it sends, how it reads the
/// answer, and that a merge touches every relationship type of the graph model that the merged
/// label takes part in. (The statements themselves are linted by CypherLintTests.)
/// </summary>
public sealed class EditingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Reply Flags(bool survivorFound, bool duplicateFound, bool cycle) =>
        Reply.Rows(["survivorFound", "duplicateFound", "cycle"], [JsonValue.Create(survivorFound), JsonValue.Create(duplicateFound), JsonValue.Create(cycle)]);

    public static TheoryData<bool, bool, bool, MergeOutcome> MergeAnswers => new()
    {
        { true, true, false, MergeOutcome.Merged },
        { false, true, false, MergeOutcome.SurvivorNotFound },
        { true, false, false, MergeOutcome.DuplicateNotFound },
        { true, true, true, MergeOutcome.Cycle },
    };

    [Theory]
    [MemberData(nameof(MergeAnswers))]
    public async Task A_merge_is_one_statement_whose_flags_give_the_outcome(bool survivorFound, bool duplicateFound, bool cycle, MergeOutcome expected)
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Flags(survivorFound, duplicateFound, cycle);

        var change = new ChangeEntry(
            "01930000000070008000000000000001", new DateTimeOffset(2031, 3, 4, 12, 0, 0, TimeSpan.Zero), "editor", "mergeNodes",
            [new ChangedNode(new NodeId(NodeType.Place, "brask"), RecordOutcome.Updated), new ChangedNode(new NodeId(NodeType.Place, "brask-on-lumen"), RecordOutcome.Merged)]);

        var outcome = await h.Store.MergeAsync(new NodeId(NodeType.Place, "brask"), new NodeId(NodeType.Place, "brask-on-lumen"), change, Cancel);

        Assert.Equal(expected, outcome);
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal(1, h.Counter.Total);
        Assert.Equal(
            """{"survivor":"brask","duplicate":"brask-on-lumen","type":"Place","changes":[{"id":"01930000000070008000000000000001","at":"2031-03-04T12:00:00.0000000Z","keyName":"editor","operation":"mergeNodes","nodes":["Place:brask","Place:brask-on-lumen"],"outcomes":["UPDATED","MERGED"]}]}""",
            request.Parameters.ToJsonString());

        // The entry is created inside the subquery that runs only when the merge is made.
        var made = request.Statement.IndexOf("WITH s, d WHERE survivorFound AND duplicateFound AND NOT cycle", StringComparison.Ordinal);
        var logged = request.Statement.IndexOf("UNWIND $changes AS c", StringComparison.Ordinal);
        Assert.InRange(logged, made, request.Statement.LastIndexOf("RETURN survivorFound", StringComparison.Ordinal));
        Assert.StartsWith("OPTIONAL MATCH (s:Place {key: $survivor})\nOPTIONAL MATCH (d:Place {key: $duplicate})", request.Statement, StringComparison.Ordinal);
        Assert.Contains("DETACH DELETE d", request.Statement, StringComparison.Ordinal);
    }

    /// <summary>Every relationship type of the graph model that touches each mergeable label.</summary>
    public static TheoryData<NodeType, string[]> Touching => new()
    {
        { NodeType.Person, ["AFFILIATED_WITH", "SAID_BY"] },
        { NodeType.Organisation, ["BASED_IN", "PART_OF", "AFFILIATED_WITH", "SAID_BY", "HAS_PARTY"] },
        { NodeType.Place, ["CONTAINED_IN", "BASED_IN", "HELD_AT", "SAID_AT", "ABOUT"] },
        { NodeType.Statement, ["SAID_BY", "SAID_AT", "IN_NEGOTIATION", "RESPONDS_TO", "ABOUT", "EVIDENCED_BY"] },
        { NodeType.Negotiation, ["HELD_AT", "HAS_PARTY", "HAS_ROUND", "IN_NEGOTIATION"] },
    };

    [Theory]
    [MemberData(nameof(Touching))]
    public async Task A_merge_moves_every_relationship_type_its_label_takes_part_in_and_redirects_the_key(NodeType type, string[] relationshipTypes)
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Flags(true, true, false);

        await h.Store.MergeAsync(new NodeId(type, "s"), new NodeId(type, "d"), null, Cancel);

        var statement = Assert.Single(h.Api.Requests).Statement;
        foreach (var relType in relationshipTypes)
        {
            Assert.Matches($@"MATCH \(d\)<?-\[\w*:{relType}\]", statement);
        }

        Assert.Contains("MERGE (redirect:Redirect {type: $type, key: d.key})", statement, StringComparison.Ordinal);
        Assert.Contains("MATCH (earlier:Redirect {type: $type, survivor: d.key})", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Articles_and_mixed_types_never_reach_the_store()
    {
        await using var h = await StoreHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Store.MergeAsync(new NodeId(NodeType.Article, "a"), new NodeId(NodeType.Article, "b"), null, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Store.MergeAsync(new NodeId(NodeType.Person, "a"), new NodeId(NodeType.Place, "b"), null, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Store.MergeAsync(new NodeId(NodeType.Person, "a"), new NodeId(NodeType.Person, "a"), null, Cancel));
        Assert.Empty(h.Api.Requests);
    }

    public static TheoryData<bool, bool, RetractOutcome> RetractAnswers => new()
    {
        { true, false, RetractOutcome.Retracted },
        { true, true, RetractOutcome.AlreadyRetracted },
        { false, false, RetractOutcome.NotFound },
    };

    [Theory]
    [MemberData(nameof(RetractAnswers))]
    public async Task A_retraction_is_one_statement_sending_the_reason_and_the_utc_time(bool found, bool already, RetractOutcome expected)
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(["found", "already"], [JsonValue.Create(found), JsonValue.Create(already)]);

        var outcome = await h.Store.RetractAsync("st-1", "Withdrawn.", new DateTimeOffset(2031, 3, 4, 12, 0, 0, TimeSpan.FromHours(2)), null, Cancel);

        Assert.Equal(expected, outcome);
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("""{"key":"st-1","reason":"Withdrawn.","at":"2031-03-04T10:00:00.0000000Z","changes":[]}""", request.Parameters.ToJsonString());
        Assert.Contains("WITH s WHERE found AND NOT already", request.Statement, StringComparison.Ordinal);
        Assert.InRange(
            request.Statement.IndexOf("UNWIND $changes AS c", StringComparison.Ordinal),
            request.Statement.IndexOf("WITH s WHERE found AND NOT already", StringComparison.Ordinal),
            request.Statement.LastIndexOf("RETURN found, already", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redirects_send_type_and_key_pairs_and_read_the_survivors()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(["type", "key", "survivor"], [JsonValue.Create("Person"), JsonValue.Create("m-holt"), JsonValue.Create("mira-holt")]);

        var found = await h.Store.RedirectsAsync([new NodeId(NodeType.Person, "m-holt"), new NodeId(NodeType.Place, "brask")], Cancel);

        Assert.Equal("mira-holt", Assert.Single(found, f => f.Key == new NodeId(NodeType.Person, "m-holt")).Value);
        Assert.Single(found);
        Assert.Equal("""{"ids":[{"type":"Person","key":"m-holt"},{"type":"Place","key":"brask"}]}""", Assert.Single(h.Api.Requests).Parameters.ToJsonString());
    }

    [Fact]
    public async Task Resolve_gives_each_record_under_the_key_asked_for_and_reads_its_retraction()
    {
        await using var h = await StoreHarness.StartAsync();
        JsonObject Row(string key, bool retracted) => new()
        {
            ["key"] = key, ["text"] = "Said.", ["kind"] = "CLAIM", ["direct"] = true, ["date"] = null,
            ["retracted"] = retracted, ["retractionReason"] = retracted ? "Withdrawn." : null, ["retractedAt"] = retracted ? "2031-03-04T10:00:00.0000000Z" : null,
            ["speakerPerson"] = null, ["speakerOrganisation"] = null, ["saidAt"] = null, ["negotiation"] = null, ["respondsTo"] = null,
            ["about"] = new JsonArray(), ["evidence"] = new JsonArray(),
        };
        h.Api.Responder = _ => Reply.Rows(["requested", "record"], [JsonValue.Create("merged-away"), Row("survivor", true)], [JsonValue.Create("plain"), Row("plain", false)]);

        var found = await h.Store.ResolveAsync<Statement>(["merged-away", "plain", "plain"], Cancel);

        Assert.Equal(["merged-away", "plain"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("survivor", found["merged-away"].Key);
        Assert.Equal(new Retraction("Withdrawn.", new DateTimeOffset(2031, 3, 4, 10, 0, 0, TimeSpan.Zero)), found["merged-away"].Retraction);
        Assert.Null(found["plain"].Retraction);
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("""{"keys":["merged-away","plain"],"type":"Statement"}""", request.Parameters.ToJsonString());
        Assert.Contains("OPTIONAL MATCH (r:Redirect {type: $type, key: requested})", request.Statement, StringComparison.Ordinal);
    }
}
