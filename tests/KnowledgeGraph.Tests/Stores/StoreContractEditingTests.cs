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
}
