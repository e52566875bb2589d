using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>Write rules every store must keep alike; the places, people and talks are fictional.</summary>
public abstract partial class StoreContractTests
{
    private static Task<ImportResult> ImportAsync(StoreUnderTest s, string json) =>
        new DocumentImporter(s.Store, s.Admin).ImportAsync("test", json, _ => null, new ImportOptions(), Cancel);

    [Fact]
    public async Task A_containment_cycle_made_with_stored_places_is_refused_and_nothing_is_written()
    {
        var s = await EmptyAsync();
        var stored = await ImportAsync(s, """
            { "format": "knowledge-graph/v2", "places": [
              { "key": "astrein", "name": "Astrein", "kind": "COUNTRY" },
              { "key": "velmora", "name": "Velmora", "kind": "TOWN", "containedIn": "astrein" },
              { "key": "korrin", "name": "Korrin", "kind": "VILLAGE", "containedIn": "velmora" }] }
            """);
        Assert.True(stored.Accepted);
        var before = await SnapshotAsync(s);

        var cycle = await ImportAsync(s, """
            { "format": "knowledge-graph/v2", "places": [
              { "key": "brill", "name": "Brill", "kind": "VILLAGE" },
              { "key": "astrein", "name": "Astrein", "kind": "COUNTRY", "containedIn": "korrin" }] }
            """);

        Assert.False(cycle.Accepted);
        var problem = Assert.Single(cycle.Problems);
        Assert.Equal(("$.places[1].containedIn", "Containment would be a cycle with the places stored: astrein → korrin → velmora → astrein."), (problem.Path, problem.Message));
        Assert.Equal(["astrein", "korrin", "velmora"], problem.Cycle);
        Assert.Equal(before, await SnapshotAsync(s));
        Assert.Empty(await s.Store.GetAsync<Place>(["brill"], Cancel));
    }

    [Fact]
    public async Task A_negotiation_merged_away_keeps_its_name_as_an_alias_of_the_survivor()
    {
        var s = await EmptyAsync();
        var stored = await ImportAsync(s, """
            { "format": "knowledge-graph/v2", "negotiations": [
              { "name": "Velmora ferry talks", "status": "ONGOING", "aliases": ["Ferry talks"] },
              { "name": "Korrin crossing talks", "status": "STALLED", "aliases": ["Crossing talks"] }] }
            """);
        Assert.True(stored.Accepted);

        var outcome = await s.Admin.MergeAsync(new Domain.Ids.NodeId(Domain.Ids.NodeType.Negotiation, "velmora-ferry-talks"), new Domain.Ids.NodeId(Domain.Ids.NodeType.Negotiation, "korrin-crossing-talks"), null, Cancel);

        Assert.Equal(Domain.Editing.MergeOutcome.Merged, outcome);
        var survivor = Assert.Single(await s.Store.GetAsync<Negotiation>(["velmora-ferry-talks"], Cancel));
        Assert.Equal(["Ferry talks", "Korrin crossing talks", "Crossing talks"], survivor.Aliases);
        Assert.Equal("velmora-ferry-talks", (await s.Store.ResolveAsync<Negotiation>(["korrin-crossing-talks"], Cancel))["korrin-crossing-talks"].Key);

        // A later bundle that gives the merged key lands on the survivor.
        var later = await ImportAsync(s, """
            { "format": "knowledge-graph/v2", "negotiations": [{ "key": "korrin-crossing-talks", "name": "Velmora ferry talks", "status": "CONCLUDED", "aliases": ["Crossing talks", "Pier talks"] }] }
            """);
        Assert.True(later.Accepted);
        var after = Assert.Single(await s.Store.GetAsync<Negotiation>(["velmora-ferry-talks"], Cancel));
        Assert.Equal((NegotiationStatus.Concluded, "Velmora ferry talks"), (after.Status, after.Name));
        Assert.Equal(["Ferry talks", "Korrin crossing talks", "Crossing talks", "Pier talks"], after.Aliases);
        Assert.Empty(await s.Store.GetAsync<Negotiation>(["korrin-crossing-talks"], Cancel));
    }
}
