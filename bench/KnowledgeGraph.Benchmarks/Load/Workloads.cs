using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Benchmarks.Corpus;
using KnowledgeGraph.Benchmarks.Server;
using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Benchmarks.Load;

/// <summary>A workload: the request for each index, and a check of one answer's shape.</summary>
/// <param name="Name">The name used on the command line and in reports.</param>
/// <param name="Title">What it does, for reports.</param>
/// <param name="Request">The request number <c>i</c> sends (requests rotate over many keys).</param>
/// <param name="Check">Says what is wrong with an answer's data, or null when it is right.</param>
internal sealed record Workload(string Name, string Title, Func<int, RequestTemplate> Request, Func<JsonNode, string?> Check);

/// <summary>The workloads of the benchmark, over the keys of a generated corpus.</summary>
internal static class Workloads
{
    public const string Bare = "bare";
    public const string PointLookup = "point-lookup";
    public const string WhoSaidWhat = "who-said-what";
    public const string Traversal = "traversal";
    public const string StatementStats = "statement-stats";

    /// <summary>The number of parents the traversal workload is measured at.</summary>
    public static readonly int[] TraversalParents = [5, 50, 100];

    public const string PointLookupQuery = "query PointLookup($id: ID!) { node(id: $id) { id ... on Person { name description } } }";

    public const string WhoSaidWhatQuery = """
        query WhoSaidWhat($place: ID!) {
          node(id: $place) {
            ... on Place {
              name
              statementsAbout(includeContainedPlaces: true, first: 20) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  id
                  text
                  kind
                  date
                  speaker {
                    __typename
                    ... on Person { name affiliations { role organisation { name } } }
                    ... on Organisation { name }
                  }
                  evidence { start end text article { title publisher } }
                }
              }
            }
          }
        }
        """;

    public const string TraversalQuery = """
        query Traversal($parents: Int!) {
          places(first: $parents, where: { kind: { eq: REGION } }) {
            nodes {
              name
              containedIn { name }
              contains(first: 3) {
                nodes {
                  name
                  statementsAbout(includeContainedPlaces: false, first: 2) {
                    nodes {
                      text
                      speaker { __typename ... on Person { name } ... on Organisation { name } }
                    }
                  }
                }
              }
            }
          }
        }
        """;

    /// <summary>Asks the schema whether <c>Query.statementStats</c> exists.</summary>
    public const string StatementStatsProbe = "{ __type(name: \"Query\") { fields { name } } }";

    public static string TraversalName(int parents) => $"{Traversal}-{parents}";

    /// <summary>Statements per region per week over twelve weeks, the first 100 groups by count.</summary>
    public const string StatementStatsQuery = """
        query Stats($from: Date!, $to: Date!) {
          statementStats(groupBy: [PLACE, TIME], placeLevel: REGION, timeBucket: WEEK, from: $from, to: $to,
                         order: [{ count: DESC }], first: 100) {
            totalCount
            nodes { count distinctSpeakers time place { key } }
          }
        }
        """;

    /// <summary>
    /// <c>statementStats</c> by region and week over a twelve-week window, the window moving
    /// over the corpus's two years from one request to the next.
    /// </summary>
    public static Workload Stats()
    {
        var monday = new DateOnly(2023, 1, 2);
        var bodies = Enumerable.Range(0, 90)
            .Select(k => monday.AddDays(7 * (k * 37 % 90)))
            .Select(from => Body(StatementStatsQuery, new { from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = from.AddDays(83).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
            .ToArray();
        return new Workload(
            StatementStats,
            "`statementStats` grouped by region (rolled up through containment) and week over twelve weeks, every empty week filled, first 100 groups by count",
            i => Post(bodies[i % bodies.Length]),
            data => data["statementStats"]?["nodes"] is JsonArray { Count: > 0 } ? null : "expected groups");
    }

    /// <summary>The baseline: the point lookup's store call behind a bare endpoint, no GraphQL.</summary>
    public static Workload BareLookup(CorpusGenerator corpus)
    {
        var ids = PersonIds(corpus);
        return new Workload(
            Bare,
            "bare ASP.NET Core endpoint: the same store lookup as point-lookup, no GraphQL",
            i => new RequestTemplate(HttpMethod.Get, $"{BenchEndpoints.BarePath}?id={Uri.EscapeDataString(ids[i % ids.Length])}", null),
            data => data["node"]?["name"] is null ? "no node" : null);
    }

    public static Workload Point(CorpusGenerator corpus)
    {
        var bodies = PersonIds(corpus).Select(id => Body(PointLookupQuery, new { id })).ToArray();
        return new Workload(
            PointLookup,
            "`node(id)` of a person with three fields (id, name, description)",
            i => Post(bodies[i % bodies.Length]),
            data => data["node"]?["name"] is null ? "no node" : null);
    }

    public static Workload WhoSaid(CorpusGenerator corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var bodies = corpus.Regions.Select(r => Body(WhoSaidWhatQuery, new { place = new NodeId(NodeType.Place, r.Key).Encode() })).ToArray();

        // Rotate over regions in a scattered order so that neighbouring requests differ.
        return new Workload(
            WhoSaidWhat,
            "`statementsAbout` of a region with `includeContainedPlaces`, first 20, with speaker, affiliations and evidence",
            i => Post(bodies[(int)((long)i * 37 % bodies.Length)]),
            data => data["node"]?["statementsAbout"] is { } page
                && page["nodes"] is JsonArray { Count: > 0 } nodes
                && (nodes.Count == 20 || page["pageInfo"]?["hasNextPage"]?.GetValue<bool>() == false)
                    ? null
                    : "expected 20 statements (or all of them when fewer)");
    }

    public static Workload Traverse(int parents)
    {
        var body = Body(TraversalQuery, new { parents });
        return new Workload(
            TraversalName(parents),
            $"three levels below {parents} regions: towns (3 each), their statements (2 each), the speakers",
            _ => Post(body),
            data => data["places"]?["nodes"] is JsonArray nodes && nodes.Count == parents
                ? null
                : $"expected {parents} regions");
    }

    private static string[] PersonIds(CorpusGenerator corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var people = corpus.People;
        var count = Math.Min(people.Count, 1024);
        return Enumerable.Range(0, count)
            .Select(k => new NodeId(NodeType.Person, people[(int)((long)k * 7919 % people.Count)].Key).Encode())
            .ToArray();
    }

    private static RequestTemplate Post(byte[] body) => new(HttpMethod.Post, "/graphql", body);

    private static byte[] Body(string query, object variables) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["query"] = query, ["variables"] = variables });
}
