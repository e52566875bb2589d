using System.Globalization;
using System.Net;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Import;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Writes;

/// <summary>The change log and the <c>changes</c> connection, through the real host on a real SQLite file.</summary>
public sealed class ChangeLogTests : IAsyncLifetime
{
    private const string Import = "mutation($b: String!) { importBundle(input: { bundle: $b }) { accepted } }";

    private readonly WriteHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(ImportStore.Fixtures, name));

    private static string Place(string name, string kind) =>
        $$"""{ "format": "knowledge-graph/v2", "places": [{ "name": "{{name}}", "kind": "{{kind}}" }] }""";

    [Fact]
    public async Task An_import_records_its_key_name_operation_time_and_nodes_and_an_unchanged_one_records_nothing()
    {
        var before = DateTimeOffset.UtcNow;
        await _host.DataAsync(Import, new { b = Fixture("030_velmora-herald.v2.json") });
        var after = DateTimeOffset.UtcNow;
        await _host.DataAsync(Import, new { b = Fixture("030_velmora-herald.v2.json") });

        Assert.Equal(
            ["importBundle editor [Article:030-velmora-herald CREATED, Place:velmora CREATED, Place:korrin CREATED, Person:mayor-fernwald CREATED, Statement:mayor-fernwald-the-old-bridge-is-closed-until-spring CREATED]"],
            await _host.ChangesAsync());
        var entry = (await _host.DataAsync("{ changes { totalCount nodes { id at } } }"))["changes"]!;
        Assert.Equal(1, (int)entry["totalCount"]!);
        var at = DateTimeOffset.Parse((string)entry["nodes"]![0]!["at"]!, CultureInfo.InvariantCulture);
        Assert.InRange(at, before, after);
        Assert.StartsWith("Change:", WriteHost.Decode((string)entry["nodes"]![0]!["id"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_or_dry_run_import_records_nothing()
    {
        var bad = """{ "format": "knowledge-graph/v2", "places": [{ "name": "Velmora", "kind": "CASTLE" }] }""";
        Assert.False((bool)(await _host.DataAsync(Import, new { b = bad }))["importBundle"]!["accepted"]!);
        await _host.DataAsync("mutation($b: String!) { importBundle(input: { bundle: $b, dryRun: true }) { accepted } }", new { b = Place("Velmora", "TOWN") });

        Assert.Empty(await _host.ChangesAsync());
    }

    [Fact]
    public async Task Changes_need_a_key_like_mutations_and_a_refused_read_answers_nothing()
    {
        await _host.DataAsync(Import, new { b = Place("Velmora", "TOWN") });

        var none = await _host.SendAsync("{ log: changes { totalCount } }", key: "");
        Assert.Equal((HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED"), (none.Status, none.Code));
        Assert.Equal("Bearer", none.Header("WWW-Authenticate"));
        Assert.Null(none.Json!["data"]);

        var wrong = await _host.SendAsync("query Q { ...F } fragment F on Query { changes { totalCount } }", key: "not-the-key");
        Assert.Equal((HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED"), (wrong.Status, wrong.Code));

        var inline = await _host.SendAsync("{ places { totalCount } ... on Query { changes { totalCount } } }", key: "");
        Assert.Equal(HttpStatusCode.Unauthorized, inline.Status);

        // Other reads stay open.
        var open = await _host.SendAsync("{ places { totalCount } }", key: "");
        Assert.Equal("""{"places":{"totalCount":1}}""", open.Json!["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Changes_are_newest_first_paged_and_filtered_by_node_key_name_and_time()
    {
        await _host.DataAsync(Import, new { b = Place("Velmora", "TOWN") });
        var middle = DateTimeOffset.UtcNow;
        await _host.DataAsync(Import, new { b = Place("Korrin", "VILLAGE") });
        await _host.DataAsync(Import, new { b = """{ "format": "knowledge-graph/v2", "places": [{ "name": "Velmora", "kind": "TOWN", "aliases": ["Velmora Town"] }] }""" });

        Assert.Equal(
            ["importBundle editor [Place:velmora UPDATED]", "importBundle editor [Place:korrin CREATED]", "importBundle editor [Place:velmora CREATED]"],
            await _host.ChangesAsync());

        var velmora = Seed.Id(NodeType.Place, "velmora");
        var ofVelmora = await _host.DataAsync("query($n: ID) { changes(where: { nodeId: $n }) { totalCount nodes { records { outcome node { ... on Place { name aliases } } } } } }", new { n = velmora });
        Assert.Equal(
            """{"changes":{"totalCount":2,"nodes":[{"records":[{"outcome":"UPDATED","node":{"name":"Velmora","aliases":["Velmora Town"]}}]},{"records":[{"outcome":"CREATED","node":{"name":"Velmora","aliases":["Velmora Town"]}}]}]}}""",
            ofVelmora.ToJsonString());

        var since = await _host.DataAsync("query($f: DateTime) { changes(where: { from: $f }) { nodes { records { id } } } }", new { f = middle.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) });
        Assert.Equal(2, since["changes"]!["nodes"]!.AsArray().Count);
        var until = await _host.DataAsync("query($t: DateTime) { changes(where: { to: $t }) { nodes { records { id } } } }", new { t = middle.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) });
        Assert.Equal($$$"""{"changes":{"nodes":[{"records":[{"id":"{{{velmora}}}"}]}]}}""", until.ToJsonString());

        Assert.Equal("""{"changes":{"totalCount":3}}""", (await _host.DataAsync("""{ changes(where: { keyName: "editor" }) { totalCount } }""")).ToJsonString());
        Assert.Equal("""{"changes":{"totalCount":0}}""", (await _host.DataAsync("""{ changes(where: { keyName: "cli" }) { totalCount } }""")).ToJsonString());

        var first = (await _host.DataAsync("{ changes(first: 1) { pageInfo { hasNextPage endCursor } nodes { records { id } } } }"))["changes"]!;
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        var next = await _host.DataAsync("query($a: String) { changes(first: 1, after: $a) { pageInfo { hasNextPage hasPreviousPage } nodes { records { id } } } }", new { a = (string)first["pageInfo"]!["endCursor"]! });
        Assert.Equal(
            $$$"""{"changes":{"pageInfo":{"hasNextPage":true,"hasPreviousPage":true},"nodes":[{"records":[{"id":"{{{Seed.Id(NodeType.Place, "korrin")}}}"}]}]}}""",
            next.ToJsonString());
        var last = await _host.DataAsync("{ changes(last: 1) { nodes { records { id } } } }");
        Assert.Equal($$$"""{"changes":{"nodes":[{"records":[{"id":"{{{velmora}}}"}]}]}}""", last.ToJsonString());

        var invalid = await _host.SendAsync("""{ changes(where: { nodeId: "bm9wZQ==" }) { totalCount } }""");
        Assert.Equal("INVALID_ID", invalid.Code);
    }

    [Fact]
    public async Task The_nodes_of_a_page_of_changes_are_loaded_in_one_store_call_per_record_type()
    {
        const string query = "{ changes(first: 50) { nodes { operation nodes { __typename ... on Place { name } ... on Person { name } } records { node { id } } } } }";
        await _host.DataAsync(Import, new { b = Fixture("030_velmora-herald.v2.json") });
        var one = await _host.SendAsync(query);

        for (var i = 0; i < 6; i++)
        {
            await _host.DataAsync(Import, new { b = Place($"Hamlet {i}", "VILLAGE") });
        }

        var seven = await _host.SendAsync(query);

        // One call for the page, one per record type on it (Article, Place, Person, Statement).
        Assert.Equal(("5", "5"), (one.Header("KG-Store-Round-Trips"), seven.Header("KG-Store-Round-Trips")));
        Assert.Equal(7, seven.Json!["data"]!["changes"]!["nodes"]!.AsArray().Count);
        Assert.Equal("Hamlet 5", (string)seven.Json!["data"]!["changes"]!["nodes"]![0]!["nodes"]![0]!["name"]!);
    }
}

/// <summary>Writes the server makes itself are recorded too.</summary>
public sealed class SeedChangeLogTests
{
    [Fact]
    public async Task Seeding_an_empty_store_is_recorded_as_the_system_key()
    {
        await using var host = new WriteHost(seeded: true);
        var data = await host.DataAsync("""{ changes(where: { keyName: "system" }) { totalCount nodes { operation keyName } } }""");
        Assert.Equal("""{"changes":{"totalCount":1,"nodes":[{"operation":"seed","keyName":"system"}]}}""", data.ToJsonString());
    }
}
