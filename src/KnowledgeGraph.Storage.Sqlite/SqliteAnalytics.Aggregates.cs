using System.Text.Json;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Connection aggregates: one GROUP BY over the parents' related rows, per call.</summary>
public sealed partial class SqliteAnalytics
{
    // What a record type aggregates, over alias t: its earliest and latest date, and its kind.
    private static readonly Dictionary<TableMap, (string? Earliest, string? Latest, string? Kind)> Aggregated = new()
    {
        [TableMaps.Statement] = ("t.date", "t.date", "t.kind"),
        [TableMaps.Article] = ("t.published_at", "t.published_at", null),
        [TableMaps.Negotiation] = (
            "(SELECT min(n.date) FROM negotiation_round n WHERE n.negotiation = t.key)",
            "(SELECT max(n.date) FROM negotiation_round n WHERE n.negotiation = t.key)",
            "t.status"),
        [TableMaps.Place] = (null, null, "t.kind"),
        [TableMaps.Organisation] = (null, null, "t.kind"),
        [TableMaps.Person] = (null, null, null),
        [TableMaps.Affiliation] = (null, null, null),
    };

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, RecordAggregate>> AggregateAsync<T>(
        Relation<T>? relation,
        IReadOnlyCollection<string> parentKeys,
        Filter? where,
        CancellationToken cancellationToken)
        where T : class =>
        SqliteGraphStore.GuardAsync(() => AggregateCoreAsync(relation, parentKeys, where, cancellationToken), cancellationToken);

    private async Task<IReadOnlyDictionary<string, RecordAggregate>> AggregateCoreAsync<T>(
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
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new SqlFilter(command);
        string from, parent;
        TableMap map;
        if (relation is null)
        {
            map = TableMaps.ByType.TryGetValue(typeof(T), out var found) ? found : throw new NotSupportedException($"{typeof(T).Name} is not stored.");
            from = $"{map.Table} t WHERE 1";
            parent = "''";
        }
        else
        {
            var expansion = SqliteGraphStore.Expansions[relation.Name];
            map = expansion.Target;
            from = expansion.From.Replace("{parents}", sql.Parameter(JsonSerializer.Serialize(parents)), StringComparison.Ordinal);
            parent = expansion.Parent;
        }

        var (earliest, latest, kind) = Aggregated[map];
        var predicate = sql.Where(where, map, "t");
        command.CommandText =
            $"SELECT {parent} AS kg_parent, {kind ?? "NULL"} AS kg_kind, count(*), min({earliest ?? "NULL"}), max({latest ?? "NULL"}) "
            + $"FROM {from} AND {predicate} GROUP BY kg_parent, kg_kind";

        var groups = new List<AggregateGroup>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add(new AggregateGroup(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    checked((int)reader.GetInt64(2)),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        return RecordAggregate.Fold(parents, groups);
    }
}
