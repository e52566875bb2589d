using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>Connection aggregates: one Cypher aggregation over the parents' related records, per call.</summary>
public sealed partial class Neo4jAnalytics
{
    // What a record type aggregates, over variable t: its earliest and latest date (a subquery
    // that binds `earliest` and `latest` per record), and its kind.
    private static readonly Dictionary<RecordMap, (string? Dates, string? Kind)> Aggregated = new()
    {
        [RecordMaps.Statement] = ("WITH parentKey, t, t.date AS earliest, t.date AS latest", "t.kind"),
        [RecordMaps.Article] = ("WITH parentKey, t, t.publishedAt AS earliest, t.publishedAt AS latest", null),
        [RecordMaps.Negotiation] = (
            $"CALL (t) {{ OPTIONAL MATCH (t)-[:{Graph.HasRound}]->(ar:{Graph.NegotiationRound}) RETURN min(ar.date) AS earliest, max(ar.date) AS latest }}",
            "t.status"),
        [RecordMaps.Place] = (null, "t.kind"),
        [RecordMaps.Organisation] = (null, "t.kind"),
        [RecordMaps.Person] = (null, null),
        [RecordMaps.Affiliation] = (null, null),
    };

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, RecordAggregate>> AggregateAsync<T>(
        Relation<T>? relation,
        IReadOnlyCollection<string> parentKeys,
        Filter? where,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parentKeys);
        var parents = relation is null ? [string.Empty] : parentKeys.Distinct(StringComparer.Ordinal).ToArray();
        if (parents.Length == 0)
        {
            return new Dictionary<string, RecordAggregate>(StringComparer.Ordinal);
        }

        FilterShape.EnsureTranslatable(where);
        var cypher = new CypherFilter();
        string rows;
        RecordMap map;
        if (relation is null)
        {
            map = RecordMaps.ByType.TryGetValue(typeof(T), out var found) && found.Label is not null
                ? found
                : throw new NotSupportedException($"{typeof(T).Name} is not a node type.");
            rows = $"MATCH (t:{map.Label})\nWITH '' AS parentKey, t WHERE {cypher.Where(where, map, Record)}";
        }
        else
        {
            var (target, match, distinct) = Neo4jGraphStore.Expansions.TryGetValue(relation.Name, out var expansion)
                ? expansion
                : throw new NotSupportedException($"The relation {relation.Name} is not stored.");
            map = target;
            var binding = map == RecordMaps.Affiliation ? Neo4jGraphStore.Member : Record;
            var predicate = cypher.Where(where, map, binding);
            rows = $"UNWIND {cypher.Parameter("parents", parents)} AS parentKey\n{match}\n"
                + (distinct ? $"WITH DISTINCT parentKey, t WHERE {predicate}" : $"WHERE {predicate}");
        }

        var (dates, kind) = Aggregated[map];
        var statement = rows + "\n"
            + (dates is null ? string.Empty : dates + "\n")
            + $"WITH parentKey, {kind ?? "null"} AS kind, count(t) AS n"
            + (dates is null ? ", null AS earliest, null AS latest" : ", min(earliest) AS earliest, max(latest) AS latest") + "\n"
            + "RETURN parentKey, kind, n, toString(earliest) AS earliest, toString(latest) AS latest";

        using var result = await _client.RunAsync(statement, cypher.Parameters, cancellationToken);
        var groups = new List<AggregateGroup>(result.Rows.Count);
        for (var row = 0; row < result.Rows.Count; row++)
        {
            groups.Add(new AggregateGroup(
                QueryValues.String(result.Value(row, "parentKey")) ?? string.Empty,
                QueryValues.String(result.Value(row, "kind")),
                checked((int)(QueryValues.Integer(result.Value(row, "n")) ?? 0)),
                QueryValues.String(result.Value(row, "earliest")),
                QueryValues.String(result.Value(row, "latest"))));
        }

        return RecordAggregate.Fold(parents, groups);
    }
}
