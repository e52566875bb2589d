using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>The change log's side of the Neo4j store against the Query API double: what it sends, and how it reads the rows back.</summary>
public sealed class Neo4jChangeLogTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly ChangeEntry Entry = new(
        "019ad0b1c2d37e4f8a9b0c1d2e3f4a5b",
        new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero),
        "editor",
        "createPerson",
        [new ChangedNode(new NodeId(NodeType.Person, "oskar-brandvik"), RecordOutcome.Created), new ChangedNode(new NodeId(NodeType.Organisation, "velmora-council"), RecordOutcome.Updated)]);

    [Fact]
    public async Task The_entry_travels_in_the_import_statement_itself_so_it_commits_with_the_write()
    {
        await using var h = await StoreHarness.StartAsync();

        await h.Store.ImportAsync(new GraphBatch([], [], [], [new Person("oskar-brandvik", "Oskar Brandvik", [], null, [])], [], []) { Change = Entry }, Cancel);

        var request = Assert.Single(h.Api.Requests);
        Assert.Equal(
            """[{"id":"019ad0b1c2d37e4f8a9b0c1d2e3f4a5b","at":"2026-11-29T16:00:00.0000000Z","keyName":"editor","operation":"createPerson","nodes":["Person:oskar-brandvik","Organisation:velmora-council"],"outcomes":["CREATED","UPDATED"]}]""",
            request.Parameters["changes"]!.ToJsonString());
        Assert.Contains("UNWIND $changes AS c\n  CREATE (change:Change {id: c.id, at: c.at, keyName: c.keyName, operation: c.operation, nodes: c.nodes, outcomes: c.outcomes})", request.Statement, StringComparison.Ordinal);
        Assert.Equal(ImportStatement.Text, request.Statement);
    }

    [Fact]
    public async Task A_list_sends_every_condition_as_a_parameter_and_reads_entries_with_their_nodes()
    {
        await using var h = await StoreHarness.StartAsync();
        var row = new JsonObject
        {
            ["id"] = Entry.Id,
            ["at"] = "2026-11-29T16:00:00.0000000Z",
            ["keyName"] = "editor",
            ["operation"] = "createPerson",
            ["nodes"] = new JsonArray("Person:oskar-brandvik", "Organisation:velmora-council"),
            ["outcomes"] = new JsonArray("CREATED", "UPDATED"),
        };
        h.Api.Responder = _ => Reply.Rows(["total", "changes"], [JsonValue.Create(3), new JsonArray(row)]);

        var page = await h.Store.ListChangesAsync(
            new ChangeQuery(new NodeId(NodeType.Person, "oskar-brandvik"), "editor", new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), null),
            new PageRequest(1, null, 1, null, true),
            Cancel);

        var entry = Assert.Single(page.Items);
        Assert.Equal((Entry.Id, Entry.At, "editor", "createPerson"), (entry.Id, entry.At, entry.KeyName, entry.Operation));
        Assert.Equal(Entry.Nodes, entry.Nodes);
        Assert.Equal((2, true, false, (int?)3), (page.Offset, page.HasPreviousPage, page.HasNextPage, page.TotalCount));
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal(
            """{"node":"Person:oskar-brandvik","keyName":"editor","from":"2026-11-29T00:00:00.0000000Z","to":null,"skip":2,"limit":2}""",
            request.Parameters.ToJsonString());
        Assert.Contains("ORDER BY c.at DESC, c.id DESC SKIP $skip LIMIT $limit", request.Statement, StringComparison.Ordinal);
        Assert.Contains("RETURN count(c) AS total", request.Statement, StringComparison.Ordinal);
        Assert.Equal(1, h.Counter.Total);
    }

    [Fact]
    public async Task The_last_entries_are_read_oldest_first_from_the_tail_and_returned_newest_first()
    {
        await using var h = await StoreHarness.StartAsync();
        JsonObject Row(string id) => new()
        {
            ["id"] = id, ["at"] = "2026-11-29T16:00:00.0000000Z", ["keyName"] = "cli", ["operation"] = "import",
            ["nodes"] = new JsonArray(), ["outcomes"] = new JsonArray(),
        };
        h.Api.Responder = _ => Reply.Rows(["total", "changes"], [JsonValue.Create(5), new JsonArray(Row("a"), Row("b"))]);

        var page = await h.Store.ListChangesAsync(new ChangeQuery(), new PageRequest(null, 2, null, null, false), Cancel);

        Assert.Equal(["b", "a"], page.Items.Select(c => c.Id));
        Assert.Equal((3, true, false, (int?)null), (page.Offset, page.HasPreviousPage, page.HasNextPage, page.TotalCount));
        var request = Assert.Single(h.Api.Requests);
        Assert.Contains("ORDER BY c.at ASC, c.id ASC", request.Statement, StringComparison.Ordinal);
        Assert.Equal("""{"node":null,"keyName":null,"from":null,"to":null,"skip":0,"limit":2}""", request.Parameters.ToJsonString());
    }
}
