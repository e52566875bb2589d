using System.Text.Json;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Shortest paths: a breadth-first search, one level per SQL command (at most
/// <see cref="PathLimits.MaxLength"/> of them, on one connection, in one port call), over the
/// relationships of the graph read through their indexes.
/// </summary>
public sealed partial class SqliteAnalytics
{
    // Every relationship, as the rows incident to the nodes of the frontier (JSON arrays of keys
    // per node type): the node on the frontier, the relationship, whether it points away from
    // that node, and the node at its other end. Each branch seeks one index.
    private const string Incident = """
        SELECT 'Statement:' || s.key, 'SAID_BY', 1, 'Person:' || s.speaker_person FROM statement s WHERE s.key IN (SELECT value FROM json_each(@statements)) AND s.speaker_person IS NOT NULL
        UNION ALL SELECT 'Statement:' || s.key, 'SAID_BY', 1, 'Organisation:' || s.speaker_organisation FROM statement s WHERE s.key IN (SELECT value FROM json_each(@statements)) AND s.speaker_organisation IS NOT NULL
        UNION ALL SELECT 'Statement:' || s.key, 'SAID_AT', 1, 'Place:' || s.said_at FROM statement s WHERE s.key IN (SELECT value FROM json_each(@statements)) AND s.said_at IS NOT NULL
        UNION ALL SELECT 'Statement:' || s.key, 'IN_NEGOTIATION', 1, 'Negotiation:' || s.negotiation FROM statement s WHERE s.key IN (SELECT value FROM json_each(@statements)) AND s.negotiation IS NOT NULL
        UNION ALL SELECT 'Statement:' || s.key, 'RESPONDS_TO', 1, 'Statement:' || s.responds_to FROM statement s WHERE s.key IN (SELECT value FROM json_each(@statements)) AND s.responds_to IS NOT NULL
        UNION ALL SELECT 'Statement:' || s.responds_to, 'RESPONDS_TO', 0, 'Statement:' || s.key FROM statement s WHERE s.responds_to IN (SELECT value FROM json_each(@statements))
        UNION ALL SELECT 'Statement:' || a.statement, 'ABOUT', 1, 'Place:' || a.place FROM statement_about a WHERE a.statement IN (SELECT value FROM json_each(@statements))
        UNION ALL SELECT 'Statement:' || e.statement, 'EVIDENCED_BY', 1, 'Article:' || e.article FROM evidence e WHERE e.statement IN (SELECT value FROM json_each(@statements))
        UNION ALL SELECT 'Person:' || s.speaker_person, 'SAID_BY', 0, 'Statement:' || s.key FROM statement s WHERE s.speaker_person IN (SELECT value FROM json_each(@people))
        UNION ALL SELECT 'Person:' || a.person, 'AFFILIATED_WITH', 1, 'Organisation:' || a.organisation FROM affiliation a WHERE a.person IN (SELECT value FROM json_each(@people))
        UNION ALL SELECT 'Organisation:' || s.speaker_organisation, 'SAID_BY', 0, 'Statement:' || s.key FROM statement s WHERE s.speaker_organisation IN (SELECT value FROM json_each(@organisations))
        UNION ALL SELECT 'Organisation:' || a.organisation, 'AFFILIATED_WITH', 0, 'Person:' || a.person FROM affiliation a WHERE a.organisation IN (SELECT value FROM json_each(@organisations))
        UNION ALL SELECT 'Organisation:' || o.key, 'BASED_IN', 1, 'Place:' || o.country FROM organisation o WHERE o.key IN (SELECT value FROM json_each(@organisations)) AND o.country IS NOT NULL
        UNION ALL SELECT 'Organisation:' || o.key, 'PART_OF', 1, 'Organisation:' || o.part_of FROM organisation o WHERE o.key IN (SELECT value FROM json_each(@organisations)) AND o.part_of IS NOT NULL
        UNION ALL SELECT 'Organisation:' || o.part_of, 'PART_OF', 0, 'Organisation:' || o.key FROM organisation o WHERE o.part_of IN (SELECT value FROM json_each(@organisations))
        UNION ALL SELECT 'Organisation:' || n.organisation, 'HAS_PARTY', 0, 'Negotiation:' || n.negotiation FROM negotiation_party n WHERE n.organisation IN (SELECT value FROM json_each(@organisations))
        UNION ALL SELECT 'Place:' || s.said_at, 'SAID_AT', 0, 'Statement:' || s.key FROM statement s WHERE s.said_at IN (SELECT value FROM json_each(@places))
        UNION ALL SELECT 'Place:' || a.place, 'ABOUT', 0, 'Statement:' || a.statement FROM statement_about a WHERE a.place IN (SELECT value FROM json_each(@places))
        UNION ALL SELECT 'Place:' || p.key, 'CONTAINED_IN', 1, 'Place:' || p.contained_in FROM place p WHERE p.key IN (SELECT value FROM json_each(@places)) AND p.contained_in IS NOT NULL
        UNION ALL SELECT 'Place:' || p.contained_in, 'CONTAINED_IN', 0, 'Place:' || p.key FROM place p WHERE p.contained_in IN (SELECT value FROM json_each(@places))
        UNION ALL SELECT 'Place:' || o.country, 'BASED_IN', 0, 'Organisation:' || o.key FROM organisation o WHERE o.country IN (SELECT value FROM json_each(@places))
        UNION ALL SELECT 'Place:' || n.venue, 'HELD_AT', 0, 'Negotiation:' || n.key FROM negotiation n WHERE n.venue IN (SELECT value FROM json_each(@places))
        UNION ALL SELECT 'Negotiation:' || s.negotiation, 'IN_NEGOTIATION', 0, 'Statement:' || s.key FROM statement s WHERE s.negotiation IN (SELECT value FROM json_each(@negotiations))
        UNION ALL SELECT 'Negotiation:' || n.key, 'HELD_AT', 1, 'Place:' || n.venue FROM negotiation n WHERE n.key IN (SELECT value FROM json_each(@negotiations)) AND n.venue IS NOT NULL
        UNION ALL SELECT 'Negotiation:' || n.negotiation, 'HAS_PARTY', 1, 'Organisation:' || n.organisation FROM negotiation_party n WHERE n.negotiation IN (SELECT value FROM json_each(@negotiations))
        UNION ALL SELECT 'Article:' || e.article, 'EVIDENCED_BY', 0, 'Statement:' || e.statement FROM evidence e WHERE e.article IN (SELECT value FROM json_each(@articles))
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<GraphPath>> ShortestPathsAsync(NodeId from, NodeId to, PathLimits limits, CancellationToken cancellationToken) =>
        SqliteGraphStore.GuardAsync(() => ShortestPathsCoreAsync(from, to, limits, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<GraphPath>> ShortestPathsCoreAsync(NodeId from, NodeId to, PathLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (from == to)
        {
            return [new GraphPath([from], [])];
        }

        await using var connection = await _store.OpenAsync(cancellationToken);
        var search = new PathSearch(from, to, limits);

        // Each level reads the relationships of the frontier (hubs beyond the start left out by
        // their degree, counted in the same command) until the end is reached or the length cap.
        while (search.NextFrontier() is { Count: > 0 } frontier)
        {
            await using var command = connection.CreateCommand();
            var byType = frontier.GroupBy(n => n.Type).ToDictionary(g => g.Key, g => g.Select(n => n.Key).ToArray());
            foreach (var (parameter, type) in new[]
            {
                ("@statements", NodeType.Statement), ("@people", NodeType.Person), ("@organisations", NodeType.Organisation),
                ("@places", NodeType.Place), ("@negotiations", NodeType.Negotiation), ("@articles", NodeType.Article),
            })
            {
                command.Parameters.AddWithValue(parameter, JsonSerializer.Serialize(byType.GetValueOrDefault(type, [])));
            }

            command.Parameters.AddWithValue("@maxDegree", limits.MaxDegree);
            command.Parameters.AddWithValue("@start", from.ToString());

            // A frontier node other than the start with more relationships than the cap is a hub:
            // it is reached, but not gone through.
            command.CommandText = $"WITH r(node, rel, forward, other) AS ({Incident}),\n"
                + "d AS (SELECT node, count(*) AS degree FROM r GROUP BY node)\n"
                + "SELECT r.node, r.rel, r.forward, r.other FROM r JOIN d ON d.node = r.node WHERE d.degree <= @maxDegree OR r.node = @start";
            var edges = new List<(NodeId Node, string Relationship, bool Forward, NodeId Other)>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    edges.Add((PathSearch.ParseId(reader.GetString(0)), reader.GetString(1), reader.GetInt64(2) != 0, PathSearch.ParseId(reader.GetString(3))));
                }
            }

            search.Expand(edges);
        }

        return search.Paths();
    }
}
