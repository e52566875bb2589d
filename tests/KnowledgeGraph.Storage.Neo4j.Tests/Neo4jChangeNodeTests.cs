using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>
/// The change log filtered by node reads an index, not every <c>:Change</c>: each entry links to
/// one <c>:ChangeNode {id}</c> per node it touched (unique, so backed by an index), and the
/// filtered list starts from that node. Checked against the Query API double.
/// </summary>
public sealed class Neo4jChangeNodeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly ChangeEntry Entry = new(
        "019ad0b1c2d37e4f8a9b0c1d2e3f4a5b",
        new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero),
        "editor",
        "createPerson",
        [new ChangedNode(new NodeId(NodeType.Person, "oskar-brandvik"), RecordOutcome.Created)]);

    [Fact]
    public async Task Every_write_links_its_entry_to_one_change_node_per_node_it_touched()
    {
        await using var h = await StoreHarness.StartAsync();

        await h.Store.ImportAsync(new GraphBatch([], [], [], [new Person("oskar-brandvik", "Oskar Brandvik", [], null, [])], [], []) { Change = Entry }, Cancel);
        await h.Store.RetractAsync("s", "withdrawn", Entry.At, Entry, Cancel);
        await h.Store.MergeAsync(new NodeId(NodeType.Person, "a"), new NodeId(NodeType.Person, "b"), Entry, Cancel);

        Assert.Equal(3, h.Api.Requests.Count);
        Assert.All(h.Api.Requests, r =>
        {
            Assert.Contains("UNWIND c.nodes AS node", r.Statement, StringComparison.Ordinal);
            Assert.Contains("MERGE (touched:ChangeNode {id: node})", r.Statement, StringComparison.Ordinal);
            Assert.Contains("CREATE (change)-[:TOUCHED]->(touched)", r.Statement, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_list_filtered_by_node_starts_from_its_change_node()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(["total", "changes"], [JsonValue.Create(0), new JsonArray()]);

        await h.Store.ListChangesAsync(new ChangeQuery(new NodeId(NodeType.Person, "oskar-brandvik"), null, null, null), PageRequest.FirstItems(10, true), Cancel);
        await h.Store.ListChangesAsync(new ChangeQuery(), PageRequest.FirstItems(10, false), Cancel);

        var (byNode, all) = (h.Api.Requests[0], h.Api.Requests[1]);
        Assert.StartsWith("CALL () {\nMATCH (:ChangeNode {id: $node})<-[:TOUCHED]-(c:Change) WHERE ", byNode.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("c.nodes WHERE", byNode.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("IN c.nodes", byNode.Statement, StringComparison.Ordinal);
        Assert.Equal("Person:oskar-brandvik", (string?)byNode.Parameters["node"]);
        Assert.StartsWith("MATCH (c:Change) WHERE ", all.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("$node", all.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_makes_change_node_ids_unique_and_links_entries_written_before()
    {
        await using var h = await StoreHarness.StartAsync();

        await h.Store.InitializeAsync(Cancel);

        var statements = h.Api.Requests.Select(r => r.Statement).ToArray();
        Assert.Contains("CREATE CONSTRAINT change_node_id IF NOT EXISTS FOR (n:ChangeNode) REQUIRE n.id IS UNIQUE", statements);
        Assert.Contains(statements, s => s.StartsWith("MATCH (c:Change) WHERE NOT EXISTS { (c)-[:TOUCHED]->() }", StringComparison.Ordinal));
    }
}
