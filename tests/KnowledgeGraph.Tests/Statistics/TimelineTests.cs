using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Statistics;

/// <summary><c>timeline</c> over HTTP of the real host on a real SQLite file: order, threading, rounds, paging.</summary>
public sealed class TimelineTests(TwoArticlesFixture api) : IClassFixture<TwoArticlesFixture>
{
    private const string Query = """
        query ($node: ID!, $first: Int, $after: String) {
          timeline(node: $node, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes { ...entry responses { ...entry responses { ...entry } } }
          }
        }
        fragment entry on TimelineEntry { date statement { key kind } round { number date venue { key } } negotiation { key } }
        """;

    // An entry as "date key" (or "date round N of negotiation"), its answers in brackets.
    private static string Describe(JsonNode entry)
    {
        var date = entry["date"]?.GetValue<string>() ?? "undated";
        var what = entry["statement"] is { } statement
            ? $"{statement["key"]} {statement["kind"]}"
            : $"round {entry["round"]!["number"]} of {entry["negotiation"]!["key"]} at {entry["round"]!["venue"]!["key"]}";
        var responses = entry["responses"]!.AsArray();
        return $"{date} {what}" + (responses.Count == 0 ? string.Empty : " [" + string.Join("; ", responses.Select(r => Describe(r!))) + "]");
    }

    private async Task<JsonNode> TimelineAsync(NodeType type, string key, int first = 20, string? after = null) =>
        (await GraphQLWire.PostAsync(api.Http, new { query = Query, variables = new { node = Seed.Id(type, key), first, after } })).EnsureNoErrors().Data["timeline"]!;

    [Fact]
    public async Task A_regions_timeline_threads_the_rejection_and_the_warning_under_the_demand()
    {
        var timeline = await TimelineAsync(NodeType.Place, "donetsk-oblast");
        Assert.Equal(
            ["2025-06-02 moscow-demands-recognition-of-five-regions DEMAND [undated ukraine-rejects-recognition-demand REJECTION; undated ukraine-warns-recognition-would-embolden-aggression WARNING]",
             "2025-06-08 russian-defence-ministry-claims-offensive-into-dnipropetrovsk CLAIM",
             "undated russian-forces-release-zorya-flag-photos CLAIM"],
            timeline["nodes"]!.AsArray().Select(n => Describe(n!)).ToArray());
        Assert.Equal(3, timeline["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_negotiations_timeline_holds_its_rounds_and_statements_in_date_order_and_pages()
    {
        var timeline = await TimelineAsync(NodeType.Negotiation, "lowfen-water-talks", first: 3);
        Assert.Equal(
            ["2031-03-03 round 1 of lowfen-water-talks at port-amsel",
             "2031-03-03 marsk-demands-compensation DEMAND [2031-03-04 brandvold-rejects-compensation REJECTION]",
             "2031-03-17 round 2 of lowfen-water-talks at port-amsel"],
            timeline["nodes"]!.AsArray().Select(n => Describe(n!)).ToArray());
        Assert.Equal(5, timeline["totalCount"]!.GetValue<int>());
        Assert.True(timeline["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        var rest = await TimelineAsync(NodeType.Negotiation, "lowfen-water-talks", first: 3, after: timeline["pageInfo"]!["endCursor"]!.GetValue<string>());
        Assert.Equal(
            ["2031-03-17 brandvold-claims-reservoirs-full CLAIM", "undated observers-warn-drought-outlasts-talks WARNING"],
            rest["nodes"]!.AsArray().Select(n => Describe(n!)).ToArray());
        Assert.False(rest["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_places_timeline_takes_in_the_places_inside_it_and_a_persons_has_only_their_statements()
    {
        var region = await TimelineAsync(NodeType.Place, "north-march");
        Assert.Equal(
            ["2031-03-02 ministry-announces-kessel-rationing ANNOUNCEMENT",
             "2031-03-17 brandvold-claims-reservoirs-full CLAIM [2031-03-18 union-denies-reservoir-claim DENIAL]"],
            region["nodes"]!.AsArray().Select(n => Describe(n!)).ToArray());

        var person = await TimelineAsync(NodeType.Person, "ilse-brandvold");
        Assert.Equal(
            ["2031-03-04 brandvold-rejects-compensation REJECTION", "2031-03-17 brandvold-claims-reservoirs-full CLAIM"],
            person["nodes"]!.AsArray().Select(n => Describe(n!)).ToArray());

        var organisation = await TimelineAsync(NodeType.Organisation, "lowfen-farmers-union");
        Assert.Equal(
            ["2031-03-03 round 1 of lowfen-water-talks at port-amsel", "2031-03-17 round 2 of lowfen-water-talks at port-amsel",
             "2031-03-18 union-denies-reservoir-claim DENIAL"],
            organisation["nodes"]!.AsArray().Select(n => Describe(n!)).ToArray());
    }

    [Fact]
    public async Task A_timeline_costs_two_round_trips_and_refuses_an_article()
    {
        var response = (await GraphQLWire.PostAsync(api.Http, new { query = Query, variables = new { node = Seed.Id(NodeType.Place, "ukraine"), first = 20 } })).EnsureNoErrors();
        static int Count(JsonNode entry) => 1 + (entry["responses"]?.AsArray().Sum(r => Count(r!)) ?? 0);
        Assert.Equal(15, response.Data["timeline"]!["nodes"]!.AsArray().Sum(n => Count(n!)));
        Assert.Equal(2, response.StoreCalls);

        var article = await GraphQLWire.PostAsync(api.Http, new { query = Query, variables = new { node = TwoArticlesFixture.TestArticleId } });
        Assert.Equal(
            ($"'node': the id '{TwoArticlesFixture.TestArticleId}' is a Article id; a timeline is drawn for a Place, Person, Organisation or Negotiation.", "INVALID_ID"),
            article.FirstError);
    }
}
