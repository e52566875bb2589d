using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Writes;

/// <summary>
/// The fine-grained mutations through the real host on a real SQLite file: each one's exact
/// result, the change log they leave, and the typed errors (with nothing written) of bad input.
/// The town of Velmora, its council and its ferry are fictional.
/// </summary>
public sealed class RecordMutationTests : IAsyncLifetime
{
    private const string ArticleA =
        "Velmora, 3 March. Oskar Brandvik, chair of the Velmora Town Council, said: \"The ferry to Korrin runs again on Monday.\" The council meets in Korrin next week.";

    private const string ArticleB =
        "The Korrin Courier writes that Brandvik promised the village: \"The ferry to Korrin runs again on Monday.\"";

    private const string Quote = "\"The ferry to Korrin runs again on Monday.\"";

    private const string Errors = "errors { __typename ... on Error { message } ... on InvalidIdError { field id } ... on NotFoundError { field id } ... on InvalidInputError { field } }";

    // Answers are compared as text with only what JSON must escape escaped.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WriteHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string Id(NodeType type, string key) => Seed.Id(type, key);

    private async Task<JsonNode> MutateAsync(string mutation, string inputType, string selection, object input)
    {
        var data = await _host.DataAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {selection} changes {{ key outcome }} {Errors} }} }}", new { input });
        return data[mutation]!;
    }

    private static void Landed(JsonNode payload, string changes)
    {
        Assert.Null(payload["errors"]);
        Assert.Equal(changes, payload["changes"]!.ToJsonString(Relaxed));
    }

    private async Task<string> BuildVelmoraAsync()
    {
        var velmora = await MutateAsync("createPlace", "CreatePlaceInput", "place { id key name kind aliases containedIn { name } }", new { name = "Velmora", kind = "TOWN" });
        Landed(velmora, """[{"key":"velmora","outcome":"CREATED"}]""");
        Assert.Equal($$$"""{"id":"{{{Id(NodeType.Place, "velmora")}}}","key":"velmora","name":"Velmora","kind":"TOWN","aliases":[],"containedIn":null}""", velmora["place"]!.ToJsonString(Relaxed));

        var korrin = await MutateAsync("createPlace", "CreatePlaceInput", "place { key kind containedIn { name } }", new { name = "Korrin", kind = "VILLAGE", containedIn = Id(NodeType.Place, "velmora") });
        Assert.Equal("""{"key":"korrin","kind":"VILLAGE","containedIn":{"name":"Velmora"}}""", korrin["place"]!.ToJsonString(Relaxed));

        var council = await MutateAsync("createOrganisation", "CreateOrganisationInput", "organisation { key name kind aliases description }",
            new { key = "velmora-council", name = "Velmora Town Council", kind = "COUNCIL", aliases = new[] { "VTC" } });
        Landed(council, """[{"key":"velmora-council","outcome":"CREATED"}]""");
        Assert.Equal("""{"key":"velmora-council","name":"Velmora Town Council","kind":"COUNCIL","aliases":["VTC"],"description":null}""", council["organisation"]!.ToJsonString(Relaxed));

        var person = await MutateAsync("createPerson", "CreatePersonInput", "person { key name aliases description affiliations { role current organisation { key } } }",
            new { name = "Oskar Brandvik", description = "Chair of the Velmora Town Council.", affiliations = new[] { new { organisation = Id(NodeType.Organisation, "velmora-council"), role = "chair", current = true } } });
        Landed(person, """[{"key":"oskar-brandvik","outcome":"CREATED"}]""");
        Assert.Equal(
            """{"key":"oskar-brandvik","name":"Oskar Brandvik","aliases":[],"description":"Chair of the Velmora Town Council.","affiliations":[{"role":"chair","current":true,"organisation":{"key":"velmora-council"}}]}""",
            person["person"]!.ToJsonString(Relaxed));

        var article = await MutateAsync("createArticle", "CreateArticleInput", "article { key title publisher publishedAt text }",
            new { key = "velmora-ferry", title = "Ferry to run again", publisher = "Velmora Weekly", publishedAt = "2026-03-03T09:00:00+01:00", text = ArticleA });
        Landed(article, """[{"key":"velmora-ferry","outcome":"CREATED"}]""");
        Assert.Equal($$$"""{"key":"velmora-ferry","title":"Ferry to run again","publisher":"Velmora Weekly","publishedAt":"2026-03-03T09:00:00+01:00","text":{{{JsonValue.Create(ArticleA).ToJsonString(Relaxed)}}}}""", article["article"]!.ToJsonString(Relaxed));

        var statement = await MutateAsync("createStatement", "CreateStatementInput", "statement { key text kind direct date speaker { ... on Person { key } } saidAt { key } about { key } evidence { start end text article { key } } }",
            new
            {
                text = "The ferry to Korrin runs again on Monday.",
                kind = "ANNOUNCEMENT",
                direct = true,
                speaker = Id(NodeType.Person, "oskar-brandvik"),
                saidAt = Id(NodeType.Place, "velmora"),
                date = "2026-03-03",
                about = new[] { Id(NodeType.Place, "korrin") },
                evidence = new[] { new { article = Id(NodeType.Article, "velmora-ferry"), text = Quote } },
            });
        var key = "oskar-brandvik-the-ferry-to-korrin-runs-again-on-monday";
        Landed(statement, $$$"""[{"key":"{{{key}}}","outcome":"CREATED"}]""");
        var at = ArticleA.IndexOf(Quote, StringComparison.Ordinal);
        Assert.Equal(
            $$$"""{"key":"{{{key}}}","text":"The ferry to Korrin runs again on Monday.","kind":"ANNOUNCEMENT","direct":true,"date":"2026-03-03","speaker":{"key":"oskar-brandvik"},"saidAt":{"key":"velmora"},"about":[{"key":"korrin"}],"evidence":[{"start":{{{at}}},"end":{{{at + Quote.Length}}},"text":{{{JsonValue.Create(Quote).ToJsonString(Relaxed)}}},"article":{"key":"velmora-ferry"}}]}""",
            statement["statement"]!.ToJsonString(Relaxed));
        return key;
    }

    [Fact]
    public async Task Each_mutation_writes_exactly_its_record_and_the_change_log_says_who_did_what()
    {
        var statementKey = await BuildVelmoraAsync();

        var updated = await MutateAsync("updatePerson", "UpdatePersonInput", "person { name aliases description affiliations { role current } }",
            new { id = Id(NodeType.Person, "oskar-brandvik"), description = "Former chair of the council.", aliases = new[] { "O. Brandvik" }, affiliations = new[] { new { organisation = Id(NodeType.Organisation, "velmora-council"), role = "chair", current = false } } });
        Landed(updated, """[{"key":"oskar-brandvik","outcome":"UPDATED"}]""");
        Assert.Equal("""{"name":"Oskar Brandvik","aliases":["O. Brandvik"],"description":"Former chair of the council.","affiliations":[{"role":"chair","current":false}]}""", updated["person"]!.ToJsonString(Relaxed));

        var place = await MutateAsync("updatePlace", "UpdatePlaceInput", "place { name kind aliases containedIn { key } }", new { id = Id(NodeType.Place, "korrin"), aliases = new[] { "Korin" } });
        Assert.Equal("""{"name":"Korrin","kind":"VILLAGE","aliases":["Korin"],"containedIn":{"key":"velmora"}}""", place["place"]!.ToJsonString(Relaxed));

        var organisation = await MutateAsync("updateOrganisation", "UpdateOrganisationInput", "organisation { name kind aliases description }",
            new { id = Id(NodeType.Organisation, "velmora-council"), name = "Council of Velmora", description = "The town's elected council." });
        Assert.Equal("""{"name":"Council of Velmora","kind":"COUNCIL","aliases":["VTC"],"description":"The town's elected council."}""", organisation["organisation"]!.ToJsonString(Relaxed));

        const string negotiationFields = "negotiation { key name status venue { key } parties { key } rounds { number date venue { key } } }";
        var talks = await MutateAsync("createNegotiation", "CreateNegotiationInput", negotiationFields,
            new { name = "Ferry talks", status = "ONGOING", venue = Id(NodeType.Place, "velmora"), parties = new[] { Id(NodeType.Organisation, "velmora-council") }, rounds = new[] { new { number = 1, date = "2026-03-01", venue = Id(NodeType.Place, "korrin") } } });
        Landed(talks, """[{"key":"ferry-talks","outcome":"CREATED"}]""");
        Assert.Equal(
            """{"key":"ferry-talks","name":"Ferry talks","status":"ONGOING","venue":{"key":"velmora"},"parties":[{"key":"velmora-council"}],"rounds":[{"number":1,"date":"2026-03-01","venue":{"key":"korrin"}}]}""",
            talks["negotiation"]!.ToJsonString(Relaxed));
        var stalled = await MutateAsync("updateNegotiation", "UpdateNegotiationInput", negotiationFields,
            new { id = Id(NodeType.Negotiation, "ferry-talks"), status = "STALLED", rounds = new[] { new { number = 2, date = "2026-03-08" } } });
        Assert.Equal(
            """{"key":"ferry-talks","name":"Ferry talks","status":"STALLED","venue":{"key":"velmora"},"parties":[{"key":"velmora-council"}],"rounds":[{"number":1,"date":"2026-03-01","venue":{"key":"korrin"}},{"number":2,"date":"2026-03-08","venue":null}]}""",
            stalled["negotiation"]!.ToJsonString(Relaxed));

        await MutateAsync("createArticle", "CreateArticleInput", "article { key }", new { title = "Korrin Courier on the ferry", text = ArticleB });
        var at = ArticleB.IndexOf(Quote, StringComparison.Ordinal);
        var evidence = await MutateAsync("addEvidence", "AddEvidenceInput", "statement { evidence { start end text article { key } } }",
            new { statement = Id(NodeType.Statement, statementKey), article = Id(NodeType.Article, "korrin-courier-on-the-ferry"), start = at, end = at + Quote.Length });
        Landed(evidence, $$$"""[{"key":"{{{statementKey}}}","outcome":"UPDATED"}]""");
        var first = ArticleA.IndexOf(Quote, StringComparison.Ordinal);
        Assert.Equal(
            $$$"""[{"start":{{{at}}},"end":{{{at + Quote.Length}}},"text":{{{JsonValue.Create(Quote).ToJsonString(Relaxed)}}},"article":{"key":"korrin-courier-on-the-ferry"}},{"start":{{{first}}},"end":{{{first + Quote.Length}}},"text":{{{JsonValue.Create(Quote).ToJsonString(Relaxed)}}},"article":{"key":"velmora-ferry"}}]""",
            evidence["statement"]!["evidence"]!.ToJsonString(Relaxed));

        Assert.Equal(
            [
                $"addEvidence editor [Statement:{statementKey} UPDATED]",
                "createArticle editor [Article:korrin-courier-on-the-ferry CREATED]",
                "updateNegotiation editor [Negotiation:ferry-talks UPDATED]",
                "createNegotiation editor [Negotiation:ferry-talks CREATED]",
                "updateOrganisation editor [Organisation:velmora-council UPDATED]",
                "updatePlace editor [Place:korrin UPDATED]",
                "updatePerson editor [Person:oskar-brandvik UPDATED]",
                $"createStatement editor [Statement:{statementKey} CREATED]",
                "createArticle editor [Article:velmora-ferry CREATED]",
                "createPerson editor [Person:oskar-brandvik CREATED]",
                "createOrganisation editor [Organisation:velmora-council CREATED]",
                "createPlace editor [Place:korrin CREATED]",
                "createPlace editor [Place:velmora CREATED]",
            ],
            await _host.ChangesAsync());

        // The audit of one record: how the person came to be.
        var audit = await _host.DataAsync("query($n: ID) { changes(where: { nodeId: $n }) { nodes { operation keyName } } }", new { n = Id(NodeType.Person, "oskar-brandvik") });
        Assert.Equal("""{"changes":{"nodes":[{"operation":"updatePerson","keyName":"editor"},{"operation":"createPerson","keyName":"editor"}]}}""", audit.ToJsonString(Relaxed));
    }

    [Fact]
    public async Task Bad_input_gets_typed_errors_naming_the_field_and_writes_nothing()
    {
        var statementKey = await BuildVelmoraAsync();
        var before = await _host.ChangesAsync();
        var place = Id(NodeType.Place, "velmora");

        async Task<string> ErrorsOf(string mutation, string inputType, object input) =>
            (await MutateAsync(mutation, inputType, "__typename", input))["errors"]!.ToJsonString(Relaxed);

        Assert.Equal(
            $$$"""[{"__typename":"InvalidIdError","message":"The id '{{{place}}}' is a Place's; this field takes a Person.","field":"input.id","id":"{{{place}}}"}]""",
            await ErrorsOf("updatePerson", "UpdatePersonInput", new { id = place, description = "x" }));
        var nobody = Id(NodeType.Person, "nobody");
        Assert.Equal(
            $$$"""[{"__typename":"NotFoundError","message":"No Person has the id '{{{nobody}}}' (Person:nobody).","field":"input.id","id":"{{{nobody}}}"}]""",
            await ErrorsOf("updatePerson", "UpdatePersonInput", new { id = nobody, description = "x" }));
        Assert.Equal(
            """[{"__typename":"InvalidIdError","message":"The id 'not an id' is not Base64. Expected the global id of a Organisation.","field":"input.affiliations[0].organisation","id":"not an id"}]""",
            await ErrorsOf("createPerson", "CreatePersonInput", new { name = "Ilse Marrow", affiliations = new[] { new { organisation = "not an id" } } }));
        Assert.Equal(
            $$$"""[{"__typename":"InvalidInputError","message":"A Person with the key \"oskar-brandvik\" exists already ({{{Id(NodeType.Person, "oskar-brandvik")}}}); change it with updatePerson, or give another key.","field":"input.name"}]""",
            await ErrorsOf("createPerson", "CreatePersonInput", new { name = "Oskar Brandvik" }));
        Assert.Equal(
            $$$"""[{"__typename":"InvalidIdError","message":"The id '{{{place}}}' is a Place's; this field takes a Person or Organisation.","field":"input.speaker","id":"{{{place}}}"},{"__typename":"InvalidInputError","message":"Give the quoted text, or both 'start' and 'end', or all three.","field":"input.evidence[0]"}]""",
            await ErrorsOf("createStatement", "CreateStatementInput", new { text = "Bridge tolls rise.", kind = "CLAIM", direct = false, speaker = place, evidence = new[] { new { article = Id(NodeType.Article, "velmora-ferry") } } }));
        Assert.Equal(
            """[{"__typename":"InvalidInputError","message":"\"Bridge tolls rise.\" does not occur in the article text.","field":"input.evidence[0].text"}]""",
            await ErrorsOf("createStatement", "CreateStatementInput", new { text = "Bridge tolls rise.", kind = "CLAIM", direct = false, evidence = new[] { new { article = Id(NodeType.Article, "velmora-ferry"), text = "Bridge tolls rise." } } }));
        Assert.Equal(
            """[{"__typename":"InvalidInputError","message":"Does not match the article at [0, 7), which reads \"Velmora\".","field":"input.text"}]""",
            await ErrorsOf("addEvidence", "AddEvidenceInput", new { statement = Id(NodeType.Statement, statementKey), article = Id(NodeType.Article, "velmora-ferry"), start = 0, end = 7, text = "Korrin!" }));
        Assert.Equal(
            $$$"""[{"__typename":"InvalidInputError","message":"The span [5, 9000) is not inside the article text (length {{{ArticleA.Length}}}); expected 0 <= start < end <= length.","field":"input"}]""",
            await ErrorsOf("addEvidence", "AddEvidenceInput", new { statement = Id(NodeType.Statement, statementKey), article = Id(NodeType.Article, "velmora-ferry"), start = 5, end = 9000 }));
        var ghost = Id(NodeType.Statement, "ghost");
        Assert.Equal(
            $$$"""[{"__typename":"NotFoundError","message":"No Statement has the id '{{{ghost}}}' (Statement:ghost).","field":"input.statement","id":"{{{ghost}}}"}]""",
            await ErrorsOf("addEvidence", "AddEvidenceInput", new { statement = ghost, article = Id(NodeType.Article, "velmora-ferry"), text = Quote }));
        var missing = Id(NodeType.Place, "atlantis");
        Assert.Equal(
            $$$"""[{"__typename":"NotFoundError","message":"No Place has the id '{{{missing}}}' (Place:atlantis).","field":"input.containedIn","id":"{{{missing}}}"}]""",
            await ErrorsOf("createPlace", "CreatePlaceInput", new { name = "Ostry", kind = "VILLAGE", containedIn = missing }));

        // Nothing was written: the log and the records are as they were.
        Assert.Equal(before, await _host.ChangesAsync());
        var data = await _host.DataAsync("{ people { totalCount } places { totalCount } statements { nodes { evidence { article { key } } } } }");
        Assert.Equal("""{"people":{"totalCount":1},"places":{"totalCount":2},"statements":{"nodes":[{"evidence":[{"article":{"key":"velmora-ferry"}}]}]}}""", data.ToJsonString(Relaxed));
    }

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_one_a_mutation_is_refused_and_writes_nothing()
    {
        const string create = """mutation { createPlace(input: { name: "Velmora", kind: TOWN }) { place { key } } }""";
        var none = await _host.SendAsync(create, key: "");
        Assert.Equal((HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED"), (none.Status, none.Code));
        var wrong = await _host.SendAsync(create, key: "guess");
        Assert.Equal((HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED"), (wrong.Status, wrong.Code));

        Assert.Equal("""{"places":{"totalCount":0}}""", (await _host.DataAsync("{ places { totalCount } }")).ToJsonString(Relaxed));
        Assert.Empty(await _host.ChangesAsync());
    }
}
