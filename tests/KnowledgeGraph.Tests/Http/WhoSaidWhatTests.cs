using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Http;

/// <summary>Who said what about which region, asked over HTTP of the real host on the seed data.</summary>
public sealed class WhoSaidWhatTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static string[] Strings(JsonNode? array, string property) =>
        array!.AsArray().Select(n => n![property]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Statements_about_a_region_include_those_about_places_inside_it()
    {
        const string query = """
            query ($place: ID!) {
              node(id: $place) {
                ... on Place {
                  name
                  within: statementsAbout(order: [{ date: DESC }]) { totalCount nodes { key date } }
                  direct: statementsAbout(includeContainedPlaces: false) { totalCount nodes { key } }
                }
              }
            }
            """;
        var response = (await GraphQLWire.PostAsync(api.Http, new { query, variables = new { place = Seed.Id(NodeType.Place, "donetsk-oblast") } })).EnsureNoErrors();
        var place = response.Data["node"]!;
        Assert.Equal("Donetsk Oblast", place["name"]!.GetValue<string>());
        Assert.Equal(5, place["within"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(
            ["russian-defence-ministry-claims-offensive-into-dnipropetrovsk", "moscow-demands-recognition-of-five-regions",
             "russian-forces-release-zorya-flag-photos", "ukraine-rejects-recognition-demand", "ukraine-warns-recognition-would-embolden-aggression"],
            Strings(place["within"]!["nodes"], "key"));
        Assert.Equal(4, place["direct"]!["totalCount"]!.GetValue<int>());
        Assert.DoesNotContain("russian-forces-release-zorya-flag-photos", Strings(place["direct"]!["nodes"], "key"));
    }

    [Fact]
    public async Task Each_statement_about_the_Dnipropetrovsk_region_comes_with_its_speaker_role_place_and_evidence()
    {
        const string query = """
            {
              places(where: { name: { eq: "Dnipropetrovsk Oblast" } }) {
                nodes {
                  statementsAbout(where: { direct: { eq: true } }, order: [{ text: ASC }]) {
                    nodes {
                      text
                      kind
                      saidAt { name containedIn { name } }
                      speaker {
                        __typename
                        ... on Person { name affiliations { role current organisation { name } } }
                        ... on Organisation { name }
                      }
                      evidence { start end text article { publisher syndicator agencies } }
                    }
                  }
                }
              }
            }
            """;
        var response = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors();
        var statements = response.Data["places"]!["nodes"]![0]!["statementsAbout"]!["nodes"]!.AsArray();
        Assert.Equal(2, statements.Count);

        var commander = statements[1]!;
        Assert.StartsWith("They are advancing slowly, very slowly", commander["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ASSESSMENT", commander["kind"]!.GetValue<string>());
        Assert.Equal("Mezhova", commander["saidAt"]!["name"]!.GetValue<string>());
        Assert.Equal("Dnipropetrovsk Oblast", commander["saidAt"]!["containedIn"]!["name"]!.GetValue<string>());
        Assert.Equal("Person", commander["speaker"]!["__typename"]!.GetValue<string>());
        Assert.Equal("Oleksandr", commander["speaker"]!["name"]!.GetValue<string>());
        var affiliation = commander["speaker"]!["affiliations"]![0]!;
        Assert.Equal(("commander", true, "Ukrainian southern army command"), (affiliation["role"]!.GetValue<string>(), affiliation["current"]!.GetValue<bool>(), affiliation["organisation"]!["name"]!.GetValue<string>()));
        var evidence = commander["evidence"]![0]!;
        Assert.Equal((321, 553), (evidence["start"]!.GetValue<int>(), evidence["end"]!.GetValue<int>()));
        Assert.Equal(Seed.ArticleText[321..553], evidence["text"]!.GetValue<string>());
        Assert.Equal(("Live Mint", "MENAFN", "AFP"), (evidence["article"]!["publisher"]!.GetValue<string>(), evidence["article"]!["syndicator"]!.GetValue<string>(), evidence["article"]!["agencies"]![0]!.GetValue<string>()));

        var command = statements[0]!;
        Assert.Equal("Organisation", command["speaker"]!["__typename"]!.GetValue<string>());
        Assert.Equal("Ukrainian southern army command", command["speaker"]!["name"]!.GetValue<string>());
        Assert.Null(command["saidAt"]);
    }

    [Fact]
    public async Task What_Medvedev_said_and_in_which_capacity()
    {
        const string query = """
            {
              statements(where: { speaker: { name: { eq: "Dmitry Medvedev" } } }) {
                totalCount
                nodes {
                  text direct kind date
                  negotiation { name status }
                  speaker { ... on Person { affiliations { role current organisation { name kind } } } }
                }
              }
            }
            """;
        var response = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors();
        var connection = response.Data["statements"]!;
        Assert.Equal(1, connection["totalCount"]!.GetValue<int>());
        var statement = connection["nodes"]![0]!;
        Assert.Equal("Those who do not want to recognise the realities of the war at negotiations will receive new realities on the ground", statement["text"]!.GetValue<string>());
        Assert.True(statement["direct"]!.GetValue<bool>());
        Assert.Equal("WARNING", statement["kind"]!.GetValue<string>());
        Assert.Null(statement["date"]);
        Assert.Equal(("Istanbul peace talks", "STALLED"), (statement["negotiation"]!["name"]!.GetValue<string>(), statement["negotiation"]!["status"]!.GetValue<string>()));
        Assert.Equal(
            "[{\"role\":\"deputy chair\",\"current\":true,\"organisation\":{\"name\":\"Security Council of the Russian Federation\",\"kind\":\"COUNCIL\"}},"
            + "{\"role\":\"president\",\"current\":false,\"organisation\":{\"name\":\"Government of Russia\",\"kind\":\"GOVERNMENT\"}}]",
            statement["speaker"]!["affiliations"]!.ToJsonString());
    }

    [Fact]
    public async Task The_Istanbul_talks_with_their_parties_rounds_demand_and_the_answers_to_it()
    {
        const string query = """
            {
              negotiations {
                nodes {
                  name status venue { name containedIn { name } }
                  parties { name }
                  rounds { number date venue { name } }
                  statements(where: { kind: { eq: DEMAND } }) {
                    nodes {
                      text date saidAt { name }
                      about { name }
                      responses(order: [{ kind: ASC }]) { nodes { kind speaker { ... on Organisation { name } } } }
                    }
                  }
                }
              }
            }
            """;
        var talks = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors().Data["negotiations"]!["nodes"]![0]!;
        Assert.Equal("Istanbul peace talks", talks["name"]!.GetValue<string>());
        Assert.Equal(("Istanbul", "Turkey"), (talks["venue"]!["name"]!.GetValue<string>(), talks["venue"]!["containedIn"]!["name"]!.GetValue<string>()));
        Assert.Equal(["Government of Russia", "Government of Ukraine"], Strings(talks["parties"], "name"));
        Assert.Equal("[{\"number\":null,\"date\":\"2025-06-02\",\"venue\":{\"name\":\"Istanbul\"}}]", talks["rounds"]!.ToJsonString());
        var demand = talks["statements"]!["nodes"]![0]!;
        Assert.Equal("2025-06-02", demand["date"]!.GetValue<string>());
        Assert.Equal("Istanbul", demand["saidAt"]!["name"]!.GetValue<string>());
        Assert.Equal(["Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast", "Crimea"], Strings(demand["about"], "name"));
        Assert.Equal(
            "[{\"kind\":\"REJECTION\",\"speaker\":{\"name\":\"Government of Ukraine\"}},{\"kind\":\"WARNING\",\"speaker\":{\"name\":\"Government of Ukraine\"}}]",
            demand["responses"]!["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task Every_evidence_span_served_equals_the_served_article_text_at_its_offsets()
    {
        const string query = "{ articles { nodes { key text statements(first: 50) { totalCount nodes { key evidence { start end text article { key } } } } } } }";
        var article = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors().Data["articles"]!["nodes"]![0]!;
        var text = article["text"]!.GetValue<string>();
        Assert.Equal(Seed.ArticleText, text);
        var statements = article["statements"]!["nodes"]!.AsArray();
        Assert.Equal(21, article["statements"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(21, statements.Count);
        foreach (var statement in statements)
        {
            var evidence = statement!["evidence"]![0]!;
            var (start, end) = (evidence["start"]!.GetValue<int>(), evidence["end"]!.GetValue<int>());
            Assert.Equal(text[start..end], evidence["text"]!.GetValue<string>());
            Assert.Equal("000-7ec11662766b884c", evidence["article"]!["key"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Node_and_nodes_fetch_any_type_by_id_in_order_with_null_for_unknown_ids()
    {
        var ids = new[]
        {
            Seed.Id(NodeType.Person, "kyrylo-budanov"), Seed.Id(NodeType.Organisation, "european-union"), Seed.Id(NodeType.Place, "no-such-place"),
            Seed.Id(NodeType.Statement, "prisoner-exchange-agreement"), Seed.Id(NodeType.Negotiation, "istanbul-peace-talks"), Seed.Id(NodeType.Article, "000-7ec11662766b884c"),
        };
        var response = (await GraphQLWire.PostAsync(api.Http, new { query = "query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Person { name } } }", variables = new { ids } })).EnsureNoErrors();
        var nodes = response.Data["nodes"]!.AsArray();
        Assert.Equal(["Person", "Organisation", null, "Statement", "Negotiation", "Article"], nodes.Select(n => n?["__typename"]!.GetValue<string>()));
        Assert.Equal(ids[0], nodes[0]!["id"]!.GetValue<string>());
        Assert.Equal("UGVyc29uOmt5cnlsby1idWRhbm92", ids[0]);
        Assert.Equal("Kyrylo Budanov", nodes[0]!["name"]!.GetValue<string>());

        var single = (await GraphQLWire.PostAsync(api.Http, new { query = $"{{ node(id: \"{ids[3]}\") {{ id ... on Statement {{ kind speaker {{ __typename }} }} }} }}" })).EnsureNoErrors();
        Assert.Equal("{\"node\":{\"id\":\"U3RhdGVtZW50OnByaXNvbmVyLWV4Y2hhbmdlLWFncmVlbWVudA==\",\"kind\":\"AGREEMENT\",\"speaker\":null}}", single.Data.ToJsonString());
    }

    [Fact]
    public async Task Cursors_page_through_a_connection_without_gaps_or_repeats()
    {
        const string query = "query ($after: String) { places(first: 6, after: $after, order: [{ name: ASC }]) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { key } } } }";
        var keys = new List<string>();
        string? after = null;
        var pages = 0;
        bool more;
        do
        {
            var places = (await GraphQLWire.PostAsync(api.Http, new { query, variables = new { after } })).EnsureNoErrors().Data["places"]!;
            Assert.Equal(16, places["totalCount"]!.GetValue<int>());
            Assert.Equal(pages > 0, places["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            keys.AddRange(places["edges"]!.AsArray().Select(e => e!["node"]!["key"]!.GetValue<string>()));
            Assert.Equal(places["edges"]![0]!["cursor"]!.GetValue<string>(), places["pageInfo"]!["startCursor"]!.GetValue<string>());
            after = places["pageInfo"]!["endCursor"]!.GetValue<string>();
            more = places["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            pages++;
        }
        while (more);

        Assert.Equal(3, pages);
        Assert.Equal(16, keys.Distinct().Count());
        Assert.Equal("crimea", keys[0]);
        Assert.Equal("zorya", keys[^1]);
    }

    [Fact]
    public async Task Filters_on_speaker_organisation_and_dates_combine()
    {
        const string query = """
            {
              statements(
                where: { or: [ { date: { gte: "2025-06-05" } }, { speaker: { organisation: { partOf: { name: { eq: "Government of Ukraine" } } } } } ] }
                order: [{ date: ASC }]
              ) { nodes { key date } }
            }
            """;
        var nodes = (await GraphQLWire.PostAsync(api.Http, new { query })).EnsureNoErrors().Data["statements"]!["nodes"]!;
        Assert.Equal(
            "[{\"key\":\"russian-defence-ministry-claims-offensive-into-dnipropetrovsk\",\"date\":\"2025-06-08\"},"
            + "{\"key\":\"southern-command-acknowledges-russian-intentions\",\"date\":null}]",
            nodes.ToJsonString());
    }

    [Fact]
    public async Task A_deep_query_over_sixteen_places_makes_one_store_call_per_loader_level()
    {
        const string query = """
            query ($n: Int) {
              places(first: $n, order: [{ name: ASC }]) {
                nodes {
                  name
                  containedIn { name }
                  statementsAbout(first: 5) {
                    totalCount
                    nodes {
                      text
                      speaker { ... on Person { name affiliations { organisation { name } } } ... on Organisation { name partOf { name } } }
                      respondsTo { text }
                      evidence { article { publisher } }
                    }
                  }
                }
              }
            }
            """;
        var many = (await GraphQLWire.PostAsync(api.Http, new { query, variables = new { n = 16 } })).EnsureNoErrors();
        Assert.Equal(16, many.Data["places"]!["nodes"]!.AsArray().Count);
        Assert.Equal(28, many.Data["places"]!["nodes"]!.AsArray().Sum(p => p!["statementsAbout"]!["nodes"]!.AsArray().Count));

        // One call each: places; containedIn; statementsAbout; person speakers; organisation
        // speakers; respondsTo; evidence articles; and, one level down, the affiliated
        // organisations and partOf together, as both load organisations by key.
        Assert.Equal(8, many.StoreCalls);

        // Fewer parents can only need fewer calls: a level whose keys were all loaded
        // earlier in the request (here the organisations) costs nothing.
        var few = (await GraphQLWire.PostAsync(api.Http, new { query, variables = new { n = 3 } })).EnsureNoErrors();
        Assert.Equal(7, few.StoreCalls);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public async Task Store_calls_do_not_grow_with_the_number_of_parents(int regions)
    {
        const string query = """
            query ($n: Int) {
              places(first: $n, where: { kind: { eq: REGION } }, order: [{ name: ASC }]) {
                nodes { statementsAbout(first: 10) { nodes { kind evidence { start article { key } } } } }
              }
            }
            """;
        var response = (await GraphQLWire.PostAsync(api.Http, new { query, variables = new { n = regions } })).EnsureNoErrors();
        Assert.Equal(regions, response.Data["places"]!["nodes"]!.AsArray().Count);
        Assert.Equal(3, response.StoreCalls);
    }
}
