using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>Shortest paths: <c>allShortestPaths</c> within the same caps as the SQLite store, one statement.</summary>
public sealed partial class Neo4jAnalytics
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<GraphPath>> ShortestPathsAsync(NodeId from, NodeId to, PathLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (from == to)
        {
            return [new GraphPath([from], [])];
        }

        // The length cap is part of the pattern (a literal: Cypher takes no parameter there, and
        // it is an int the API has bounded). A node in the middle with more relationships than
        // the cap is a hub and is not gone through; rounds of talks are not nodes of the API, so
        // neither they nor their relationships count. Node ids and links are built as the SQLite
        // store orders them, and ordered the same way.
        var types = string.Join("|", PathRelationships.All);
        var label = string.Join(" ", Enum.GetValues<NodeType>().Select(t => $"WHEN n:{Graph.LabelOf(t)} THEN '{t}'"));
        var statement =
            $"MATCH (a:{Graph.LabelOf(from.Type)} {{key: $from}})\nMATCH (b:{Graph.LabelOf(to.Type)} {{key: $to}})\n"
            + $"MATCH p = allShortestPaths((a)-[:{types}*..{checked(limits.MaxLength)}]-(b))\n"
            + $"WHERE all(n IN nodes(p)[1..-1] WHERE COUNT {{ (n)--(m) WHERE NOT m:{Graph.NegotiationRound} }} <= $maxDegree)\n"
            + $"WITH [n IN nodes(p) | CASE {label} END + ':' + n.key] AS ids, "
            + "[i IN range(0, size(relationships(p)) - 1) | type(relationships(p)[i]) + CASE WHEN startNode(relationships(p)[i]) = nodes(p)[i] THEN '>' ELSE '<' END] AS links\n"
            + "RETURN DISTINCT ids, links ORDER BY ids, links LIMIT $maxPaths";
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = from.Key,
            ["to"] = to.Key,
            ["maxDegree"] = (long)limits.MaxDegree,
            ["maxPaths"] = (long)limits.MaxPaths,
        };
        using var result = await _client.RunAsync(statement, parameters, cancellationToken);
        var paths = new List<GraphPath>(result.Rows.Count);
        for (var row = 0; row < result.Rows.Count; row++)
        {
            var ids = QueryValues.List(result.Value(row, "ids")).Select(v => PathSearch.ParseId(QueryValues.String(v)!)).ToArray();
            var links = QueryValues.List(result.Value(row, "links")).Select(v => PathSearch.ParseLink(QueryValues.String(v)!)).ToArray();
            paths.Add(new GraphPath(ids, links));
        }

        return paths;
    }
}
