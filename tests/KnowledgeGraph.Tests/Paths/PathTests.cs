using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Paths;

/// <summary>
/// <c>path</c> over HTTP of the real host on a real SQLite file holding the shipped article and the
/// test article: the exact shortest paths, their order, the caps, the errors, and the store calls.
/// </summary>
public sealed class PathTests(TwoArticlesFixture api) : IClassFixture<TwoArticlesFixture>
{
    private const string Query = """
        query ($from: ID!, $to: ID!, $max: Int) {
          path(from: $from, to: $to, maxLength: $max) {
            length
            nodes { id }
            hops { from { id } to { id } relationship direction }
          }
        }
        """;

    private static string Id(NodeType type, string key) => Seed.Id(type, key);

    /// <summary>Each path as "Type:key -REL> Type:key &lt;REL- …", decoded from the global ids.</summary>
    private static async Task<(string[] Paths, int StoreCalls)> PathsAsync(HttpClient http, string from, string to, int? max = null)
    {
        var response = (await GraphQLWire.PostAsync(http, new { query = Query, variables = new { from, to, max } })).EnsureNoErrors();
        var paths = response.Data["path"]!.AsArray().Select(p =>
        {
            var hops = p!["hops"]!.AsArray();
            Assert.Equal(hops.Count, p["length"]!.GetValue<int>());
            Assert.Equal(hops.Count + 1, p["nodes"]!.AsArray().Count);
            var text = Decode(p["nodes"]![0]!["id"]!.GetValue<string>());
            for (var i = 0; i < hops.Count; i++)
            {
                var hop = hops[i]!;
                Assert.Equal(p["nodes"]![i]!["id"]!.GetValue<string>(), hop["from"]!["id"]!.GetValue<string>());
                Assert.Equal(p["nodes"]![i + 1]!["id"]!.GetValue<string>(), hop["to"]!["id"]!.GetValue<string>());
                var relationship = hop["relationship"]!.GetValue<string>();
                text += hop["direction"]!.GetValue<string>() == "FORWARD" ? $" -{relationship}> " : $" <{relationship}- ";
                text += Decode(hop["to"]!["id"]!.GetValue<string>());
            }

            return text;
        }).ToArray();
        return (paths, response.StoreCalls ?? -1);
    }

    private static string Decode(string id) => NodeId.TryDecode(id, out var node, out _) ? node.ToString() : id;

    [Fact]
    public async Task Kyrylo_Budanov_reaches_the_Istanbul_talks_through_his_agency_and_its_government()
    {
        var (paths, calls) = await PathsAsync(api.Http, Id(NodeType.Person, "kyrylo-budanov"), Id(NodeType.Negotiation, "istanbul-peace-talks"));

        Assert.Equal(
            ["Person:kyrylo-budanov -AFFILIATED_WITH> Organisation:defence-intelligence-of-ukraine -PART_OF> Organisation:government-of-ukraine <HAS_PARTY- Negotiation:istanbul-peace-talks"],
            paths);

        // The search, then the nodes: people, organisations, negotiations.
        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task Every_shortest_path_comes_back_ordered_by_its_nodes()
    {
        var (paths, _) = await PathsAsync(api.Http, Id(NodeType.Person, "ilse-brandvold"), Id(NodeType.Negotiation, "lowfen-water-talks"));

        Assert.Equal(
            [
                "Person:ilse-brandvold -AFFILIATED_WITH> Organisation:valdorian-ministry-of-water <HAS_PARTY- Negotiation:lowfen-water-talks",
                "Person:ilse-brandvold <SAID_BY- Statement:brandvold-claims-reservoirs-full -IN_NEGOTIATION> Negotiation:lowfen-water-talks",
                "Person:ilse-brandvold <SAID_BY- Statement:brandvold-rejects-compensation -IN_NEGOTIATION> Negotiation:lowfen-water-talks",
            ],
            paths);
    }

    [Fact]
    public async Task A_path_of_three_hops_is_found_within_three_and_not_within_two()
    {
        var from = Id(NodeType.Person, "teodor-marsk");
        var to = Id(NodeType.Place, "kessel");
        Assert.Equal(
            ["Person:teodor-marsk -AFFILIATED_WITH> Organisation:valdorian-ministry-of-water <SAID_BY- Statement:ministry-announces-kessel-rationing -ABOUT> Place:kessel"],
            (await PathsAsync(api.Http, from, to, 3)).Paths);
        Assert.Empty((await PathsAsync(api.Http, from, to, 2)).Paths);

        // No relationship links the two articles' worlds.
        Assert.Empty((await PathsAsync(api.Http, from, Id(NodeType.Person, "kyrylo-budanov"), 6)).Paths);
    }

    [Fact]
    public async Task A_node_to_itself_is_one_path_of_no_hops()
    {
        var id = Id(NodeType.Place, "zorya");
        var (paths, calls) = await PathsAsync(api.Http, id, id);

        Assert.Equal(["Place:zorya"], paths);
        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData("not-an-id", "kyrylo-budanov", 4, "INVALID_ID", "'from': ")]
    [InlineData(null, "nobody-at-all", 4, "NODE_NOT_FOUND", "'to': no Person has the key 'nobody-at-all'.")]
    [InlineData(null, "kyrylo-budanov", 7, "INVALID_ARGUMENT", "'maxLength' must be from 1 to 6 (it was 7).")]
    [InlineData(null, "kyrylo-budanov", 0, "INVALID_ARGUMENT", "'maxLength' must be from 1 to 6 (it was 0).")]
    public async Task Bad_arguments_are_typed_errors(string? from, string toKey, int max, string code, string message)
    {
        var response = await GraphQLWire.PostAsync(api.Http, new { query = Query, variables = new { from = from ?? Id(NodeType.Place, "zorya"), to = Id(NodeType.Person, toKey), max } });

        Assert.Single(response.Errors!);
        Assert.Equal(code, response.FirstError.Code);
        Assert.StartsWith(message, response.FirstError.Message, StringComparison.Ordinal);
    }
}
