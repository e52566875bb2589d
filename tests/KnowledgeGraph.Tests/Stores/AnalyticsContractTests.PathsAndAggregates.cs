using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>The aggregate and path parts of the analytics contract, on the shipped article.</summary>
public abstract partial class AnalyticsContractTests
{
    private static string Text(GraphPath path) =>
        path.Nodes[0] + string.Concat(path.Links.Select((l, i) => (l.Forward ? $" -{l.Relationship}> " : $" <{l.Relationship}- ") + path.Nodes[i + 1]));

    [Fact]
    public async Task Relation_aggregates_of_many_parents_are_one_round_trip()
    {
        var (analytics, counter) = await SeededAsync();
        var before = counter.Total;
        var aggregates = await analytics.AggregateAsync(
            Relations.PlaceStatementsAboutWithin, ["ukraine", "donetsk-oblast", "turkey", "nowhere"], null, Cancel);
        Assert.Equal(1, counter.Total - before);

        Assert.Equal(
            ["donetsk-oblast 5 2025-06-02..2025-06-08", "nowhere 0 -..-", "turkey 0 -..-", "ukraine 15 2025-06-02..2025-06-08"],
            aggregates.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {a.Value.Count} {a.Value.Earliest ?? "-"}..{a.Value.Latest ?? "-"}").ToArray());
        Assert.Equal(
            ["CLAIM 2", "DEMAND 1", "REJECTION 1", "WARNING 1"],
            aggregates["donetsk-oblast"].Kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}").ToArray());
    }

    [Fact]
    public async Task Shortest_paths_are_the_same_in_the_same_order_and_hubs_are_not_gone_through()
    {
        var (analytics, counter) = await SeededAsync();
        var from = new NodeId(NodeType.Person, "dmitry-medvedev");
        var to = new NodeId(NodeType.Place, "crimea");
        var before = counter.Total;
        var paths = await analytics.ShortestPathsAsync(from, to, new PathLimits(4, 10, 500), Cancel);
        Assert.Equal(1, counter.Total - before);
        Assert.Equal(
            [
                "Person:dmitry-medvedev -AFFILIATED_WITH> Organisation:government-of-russia <SAID_BY- Statement:moscow-demands-recognition-of-five-regions -ABOUT> Place:crimea",
                "Person:dmitry-medvedev <SAID_BY- Statement:medvedev-new-realities-on-the-ground -ABOUT> Place:ukraine <CONTAINED_IN- Place:crimea",
            ],
            paths.Select(Text).ToArray());

        // Ukraine has 17 relationships (7 statements about it, 7 places in it, 3 organisations
        // based in it): with a cap of 16 it is a hub, and only the other path is left.
        var capped = await analytics.ShortestPathsAsync(from, to, new PathLimits(4, 10, 16), Cancel);
        Assert.Equal([Text(paths[0])], capped.Select(Text));

        // At most one path asked for: the first of the two.
        Assert.Equal([Text(paths[0])], (await analytics.ShortestPathsAsync(from, to, new PathLimits(4, 1, 500), Cancel)).Select(Text));
        Assert.Empty(await analytics.ShortestPathsAsync(from, to, new PathLimits(2, 10, 500), Cancel));
    }
}
