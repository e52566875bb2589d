using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>The Neo4j path search against the Query API double (a unit test: no Neo4j runs here).</summary>
public sealed class Neo4jPathTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Paths_are_read_from_one_statement_with_the_caps_as_parameters()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(
            ["ids", "links"],
            [new JsonArray("Person:ilse-brandvold", "Organisation:valdorian-ministry-of-water", "Negotiation:lowfen-water-talks"), new JsonArray("AFFILIATED_WITH>", "HAS_PARTY<")],
            [new JsonArray("Person:ilse-brandvold", "Statement:brandvold-claims-reservoirs-full", "Negotiation:lowfen-water-talks"), new JsonArray("SAID_BY<", "IN_NEGOTIATION>")]);

        var paths = await h.Analytics.ShortestPathsAsync(
            new NodeId(NodeType.Person, "ilse-brandvold"), new NodeId(NodeType.Negotiation, "lowfen-water-talks"), new PathLimits(3, 10, 500), Cancel);

        Assert.Equal(2, paths.Count);
        Assert.Equal(
            [new NodeId(NodeType.Person, "ilse-brandvold"), new NodeId(NodeType.Organisation, "valdorian-ministry-of-water"), new NodeId(NodeType.Negotiation, "lowfen-water-talks")],
            paths[0].Nodes);
        Assert.Equal([new PathLink("AFFILIATED_WITH", true), new PathLink("HAS_PARTY", false)], paths[0].Links);
        Assert.Equal([new PathLink("SAID_BY", false), new PathLink("IN_NEGOTIATION", true)], paths[1].Links);

        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("""{"from":"ilse-brandvold","to":"lowfen-water-talks","maxDegree":500,"maxPaths":10}""", request.Parameters.ToJsonString());
        Assert.Contains("allShortestPaths((a)-[:SAID_BY|SAID_AT|ABOUT|IN_NEGOTIATION|RESPONDS_TO|EVIDENCED_BY|CONTAINED_IN|BASED_IN|PART_OF|AFFILIATED_WITH|HELD_AT|HAS_PARTY*..3]-(b))", request.Statement, StringComparison.Ordinal);
        Assert.Contains("ORDER BY ids, links LIMIT $maxPaths", request.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_to_itself_needs_no_statement()
    {
        await using var h = await StoreHarness.StartAsync();
        var zorya = new NodeId(NodeType.Place, "zorya");

        var path = Assert.Single(await h.Analytics.ShortestPathsAsync(zorya, zorya, new PathLimits(4, 10, 500), Cancel));

        Assert.Equal([zorya], path.Nodes);
        Assert.Empty(path.Links);
        Assert.Empty(h.Api.Requests);
    }
}
