using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Writes;

/// <summary>
/// A containment cycle made together with places already stored (A in B stored, then B put in
/// A) is refused with a typed error naming the cycle, and nothing is written. The places are
/// fictional.
/// </summary>
public sealed class ContainmentCycleTests : IAsyncLifetime
{
    private const string Errors = "errors { __typename ... on Error { message } ... on InvalidInputError { field } ... on ContainmentCycleError { field cycle } }";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WriteHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string Id(string key) => Seed.Id(NodeType.Place, key);

    private async Task<JsonNode> MutateAsync(string mutation, string inputType, object input) =>
        (await _host.DataAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ place {{ key containedIn {{ key }} }} changes {{ key outcome }} {Errors} }} }}", new { input }))[mutation]!;

    [Fact]
    public async Task UpdatePlace_refuses_a_cycle_through_stored_places_naming_it_and_writes_nothing()
    {
        Assert.Null((await MutateAsync("createPlace", "CreatePlaceInput", new { name = "Duchy of Astrein", kind = "COUNTRY" }))["errors"]);
        Assert.Null((await MutateAsync("createPlace", "CreatePlaceInput", new { name = "Velmora", kind = "TOWN", containedIn = Id("duchy-of-astrein") }))["errors"]);
        Assert.Null((await MutateAsync("createPlace", "CreatePlaceInput", new { name = "Korrin", kind = "VILLAGE", containedIn = Id("velmora") }))["errors"]);
        var before = await _host.ChangesAsync();

        // Korrin lies in Velmora, which lies in the duchy: the duchy cannot lie in Korrin.
        var refused = await MutateAsync("updatePlace", "UpdatePlaceInput", new { id = Id("duchy-of-astrein"), containedIn = Id("korrin") });
        Assert.Null(refused["place"]);
        Assert.Equal(
            $$$"""[{"__typename":"ContainmentCycleError","message":"Containment would be a cycle with the places stored: duchy-of-astrein → korrin → velmora → duchy-of-astrein.","field":"input.containedIn","cycle":["{{{Id("duchy-of-astrein")}}}","{{{Id("korrin")}}}","{{{Id("velmora")}}}"]}]""",
            refused["errors"]!.ToJsonString(Relaxed));

        // A place inside itself is the shortest cycle.
        var itself = await MutateAsync("updatePlace", "UpdatePlaceInput", new { id = Id("velmora"), containedIn = Id("velmora") });
        Assert.Equal(
            $$$"""[{"__typename":"ContainmentCycleError","message":"A place cannot contain itself.","field":"input.containedIn","cycle":["{{{Id("velmora")}}}"]}]""",
            itself["errors"]!.ToJsonString(Relaxed));

        Assert.Equal(before, await _host.ChangesAsync());
        var duchy = await _host.DataAsync("query($id: ID!) { node(id: $id) { ... on Place { containedIn { key } contains { nodes { key } } } } }", new { id = Id("duchy-of-astrein") });
        Assert.Equal("""{"node":{"containedIn":null,"contains":{"nodes":[{"key":"velmora"}]}}}""", duchy.ToJsonString(Relaxed));

        // Moving the duchy elsewhere is no cycle.
        Assert.Null((await MutateAsync("createPlace", "CreatePlaceInput", new { name = "Astrein Coast", kind = "REGION" }))["errors"]);
        var moved = await MutateAsync("updatePlace", "UpdatePlaceInput", new { id = Id("duchy-of-astrein"), containedIn = Id("astrein-coast") });
        Assert.Null(moved["errors"]);
        Assert.Equal("""{"key":"duchy-of-astrein","containedIn":{"key":"astrein-coast"}}""", moved["place"]!.ToJsonString(Relaxed));
    }
}
