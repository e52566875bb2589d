using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Aggregates over the embedded SQLite file: one SQL command (GROUP BY) per call.</summary>
public sealed partial class SqliteAnalytics : IGraphAnalytics
{
    private readonly SqliteGraphStore _store;

    /// <summary>
    /// Reads the database of <paramref name="store"/>, on its connections: the same busy timeout,
    /// interrupted when a call is cancelled, and its failures in the store's words
    /// (<see cref="StoreException"/>).
    /// </summary>
    public SqliteAnalytics(SqliteGraphStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public Task<Page<StatsRow>> StatementStatsAsync(StatsQuery query, CancellationToken cancellationToken) =>
        SqliteGraphStore.GuardAsync(() => StatementStatsCoreAsync(query, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TimelineEvent>> TimelineAsync(NodeId subject, int limit, CancellationToken cancellationToken) =>
        SqliteGraphStore.GuardAsync(() => TimelineCoreAsync(subject, limit, cancellationToken), cancellationToken);

    private async Task<Page<StatsRow>> StatementStatsCoreAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new SqlFilter(command);
        command.CommandText = StatsSql(query, sql);

        var rows = new List<StatsRow>();
        var (low, total) = (0, 0);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var n = query.GroupBy.Count;
            while (await reader.ReadAsync(cancellationToken))
            {
                total = checked((int)reader.GetInt64(0));
                low = checked((int)reader.GetInt64(1));
                if (reader.GetInt64(2) == 0)
                {
                    continue;
                }

                var keys = new string[n];
                for (var i = 0; i < n; i++)
                {
                    keys[i] = reader.GetString(3 + i);
                }

                var places = JsonSerializer.Deserialize<string?[]>(reader.GetString(3 + n + 3))!
                    .OfType<string>().Order(StringComparer.Ordinal).ToArray();
                rows.Add(new StatsRow(
                    keys,
                    checked((int)reader.GetInt64(3 + n)),
                    checked((int)reader.GetInt64(3 + n + 1)),
                    checked((int)reader.GetInt64(3 + n + 2)),
                    places));
            }
        }

        var offset = Math.Min(low, total);
        return new Page<StatsRow>(rows, offset, offset > 0, offset + rows.Count < total, query.Page.IncludeTotalCount ? total : null)
        {
            Positions = StatsPositions.Length(query.GroupBy, query.Order) is null ? null : [.. rows.Select(StatsPositions.Of)],
        };
    }

    private async Task<IReadOnlyList<TimelineEvent>> TimelineCoreAsync(NodeId subject, int limit, CancellationToken cancellationToken)
    {
        var (statements, rounds) = subject.Type switch
        {
            NodeType.Place => ("statement_within w JOIN statement s ON s.key = w.statement WHERE w.place = @subject",
                "negotiation_round r JOIN place_within pw ON pw.place = r.venue WHERE pw.ancestor = @subject"),
            NodeType.Person => ("statement s WHERE s.speaker_person = @subject", null),
            NodeType.Organisation => ("statement s WHERE s.speaker_organisation = @subject",
                "negotiation_round r JOIN negotiation_party np ON np.negotiation = r.negotiation WHERE np.organisation = @subject"),
            NodeType.Negotiation => ("statement s WHERE s.negotiation = @subject", "negotiation_round r WHERE r.negotiation = @subject"),
            _ => throw new ArgumentOutOfRangeException(nameof(subject), subject.Type, "No timeline for this node type."),
        };

        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("@subject", subject.Key);
        command.Parameters.AddWithValue("@limit", limit);
        command.CommandText =
            $"SELECT * FROM (SELECT s.date AS date, 0 AS round, s.key AS key, s.responds_to AS responds_to, NULL AS number, NULL AS venue FROM {statements} AND s.retracted = 0"
            + (rounds is null ? string.Empty : $" UNION ALL SELECT r.date, 1, r.negotiation, NULL, r.number, r.venue FROM {rounds}")
            + ") ORDER BY date IS NULL, date, round DESC, key, number LIMIT @limit";

        var events = new List<TimelineEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            DateOnly? date = reader.IsDBNull(0) ? null : TimeBuckets.Parse(reader.GetString(0));
            events.Add(reader.GetInt64(1) == 0
                ? new TimelineEvent(date, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), null, null)
                : new TimelineEvent(date, null, null, reader.GetString(2),
                    new NegotiationRound(reader.IsDBNull(4) ? null : checked((int)reader.GetInt64(4)), date, reader.IsDBNull(5) ? null : reader.GetString(5))));
        }

        return events;
    }

    private static string StatsSql(StatsQuery query, SqlFilter sql)
    {
        var predicate = sql.Where(query.Where, TableMaps.Statement, "t");
        if (query.From is { } from)
        {
            predicate += $" AND t.date >= {sql.Parameter(TimeBuckets.Format(from))}";
        }

        if (query.To is { } to)
        {
            predicate += $" AND t.date <= {sql.Parameter(TimeBuckets.Format(to))}";
        }

        var dims = new List<string>();
        var joins = new List<string>();
        var present = new List<string>();
        var placeOf = "NULL";
        var bucketOf = "NULL";
        for (var i = 0; i < query.GroupBy.Count; i++)
        {
            string expression;
            switch (query.GroupBy[i])
            {
                case StatDimension.Speaker:
                    expression = "coalesce('Person:' || s.speaker_person, 'Organisation:' || s.speaker_organisation)";
                    present.Add("(s.speaker_person IS NOT NULL OR s.speaker_organisation IS NOT NULL)");
                    break;
                case StatDimension.SpeakerOrganisation:
                    // An organisation speaks for itself; a person for each organisation they
                    // belong to, unless that affiliation is known to have ended.
                    joins.Add("JOIN (SELECT o.key AS st, o.speaker_organisation AS org FROM s o WHERE o.speaker_organisation IS NOT NULL "
                        + "UNION SELECT o.key, a.organisation FROM s o JOIN affiliation a ON a.person = o.speaker_person WHERE coalesce(a.current, 1) <> 0) so ON so.st = s.key");
                    expression = "so.org";
                    break;
                case StatDimension.Place when query.PlaceLevel == PlaceLevel.AsStated:
                    joins.Add("JOIN statement_about pa ON pa.statement = s.key");
                    expression = "pa.place";
                    break;
                case StatDimension.Place:
                    var kind = EnumNames.ToWire(query.PlaceLevel == PlaceLevel.Region ? PlaceKind.Region : PlaceKind.Country);
                    joins.Add("JOIN statement_about pa ON pa.statement = s.key JOIN place_within pw ON pw.place = pa.place "
                        + $"JOIN place pr ON pr.key = pw.ancestor AND pr.kind = {sql.Parameter(kind)}");
                    expression = "pr.key";
                    placeOf = "pa.place";
                    break;
                case StatDimension.Kind:
                    expression = "s.kind";
                    break;
                case StatDimension.Negotiation:
                    expression = "s.negotiation";
                    present.Add("s.negotiation IS NOT NULL");
                    break;
                case StatDimension.Time:
                    // Computed once per statement (in s), not once per row of the joins below.
                    bucketOf = query.Bucket switch
                    {
                        TimeBucket.Day => "t.date",
                        TimeBucket.Week => "date(t.date, '-' || ((CAST(strftime('%w', t.date) AS INTEGER) + 6) % 7) || ' days')",
                        TimeBucket.Month => "strftime('%Y-%m-01', t.date)",
                        TimeBucket.Year => "strftime('%Y-01-01', t.date)",
                        _ => throw new ArgumentOutOfRangeException(nameof(query), query.Bucket, null),
                    };
                    expression = "s.bucket";
                    present.Add("s.date IS NOT NULL");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(query), query.GroupBy[i], null);
            }

            dims.Add($"{expression} AS d{i}");
        }

        var d = Enumerable.Range(0, dims.Count).Select(i => $"d{i}").ToArray();
        var dList = string.Join(", ", d);
        var text =
            $"WITH s AS (SELECT t.key, t.kind, t.speaker_person, t.speaker_organisation, t.negotiation, t.date, {bucketOf} AS bucket FROM statement t WHERE {predicate}),\n"
            + $"g AS (SELECT s.key AS st, coalesce('Person:' || s.speaker_person, 'Organisation:' || s.speaker_organisation) AS who, {placeOf} AS ap, {string.Join(", ", dims)} "
            + $"FROM s {string.Join(" ", joins)} WHERE {(present.Count == 0 ? "1" : string.Join(" AND ", present))}),\n"
            + $"c AS (SELECT {dList}, count(DISTINCT g.st) AS n, count(DISTINCT g.who) AS speakers, count(DISTINCT e.article) AS articles, "
            + $"json_group_array(DISTINCT g.ap) AS places FROM g LEFT JOIN evidence e ON e.statement = g.st GROUP BY {dList}),\n";

        var time = query.GroupBy.ToList().IndexOf(StatDimension.Time);
        if (time >= 0 && query.Buckets is { } buckets)
        {
            // Every series (combination of the other keys) gets every bucket of the range.
            var others = d.Where((_, i) => i != time).ToArray();
            var series = others.Length == 0 ? "(SELECT 1)" : $"(SELECT DISTINCT {string.Join(", ", others)} FROM c)";
            var columns = string.Join(", ", d.Select((name, i) => i == time ? $"b.value AS {name}" : $"v.{name}"));
            var on = string.Join(" AND ", d.Select(name => $"c.{name} = f.{name}"));
            text += $"f AS (SELECT {columns} FROM {series} v CROSS JOIN json_each({sql.Parameter(JsonSerializer.Serialize(buckets))}) b),\n"
                + $"r AS (SELECT {string.Join(", ", d.Select(name => "f." + name))}, coalesce(c.n, 0) AS n, coalesce(c.speakers, 0) AS speakers, "
                + $"coalesce(c.articles, 0) AS articles, coalesce(c.places, '[]') AS places FROM f LEFT JOIN c ON {on}),\n";
        }
        else
        {
            text += "r AS (SELECT * FROM c),\n";
        }

        var having = query.Having.Count == 0 ? "1" : string.Join(" AND ", query.Having.Select(h => Having(h, sql)));
        var order = string.Join(", ", query.Order
            .Select(o => (o.Dimension is { } dim ? $"d{query.GroupBy.ToList().IndexOf(dim)}" : "n") + (o.Descending ? " DESC" : " ASC"))
            .Concat(d.Select(name => name + " ASC")));
        text += $"q AS (SELECT r.*, row_number() OVER (ORDER BY {order}) - 1 AS rn, count(*) OVER () AS total FROM r WHERE {having})\n";

        // Sorted by count, a cursor holds the group's count and keys, and the window's ends are
        // counts of the groups sorting before them (SqliteKeyset); otherwise it is an index.
        var sortKeys = query.Order
            .Select(o => (Column: o.Dimension is { } dim ? $"k.d{query.GroupBy.ToList().IndexOf(dim)}" : "k.n", o.Descending))
            .Concat(d.Select(name => (Column: "k." + name, Descending: false)))
            .ToArray();
        SortPosition Aligned(SortPosition position) => new([.. sortKeys.Select(key => key.Column == "k.n"
            ? position.Values[0]
            : position.Values[1 + int.Parse(key.Column.AsSpan(3), CultureInfo.InvariantCulture)])]);
        var (low, high) = SqliteKeyset.Window(query.Page, "q.total", (position, orAt) =>
            $"(SELECT count(*) FROM q k WHERE {SqliteKeyset.Before([.. sortKeys.Select(key => new SqliteKeyset.Key(key.Column, key.Descending))], Aligned(position), sql, orAt)})");

        // Row 0 always comes back, so that the count is known even for an empty window.
        return text + $"SELECT q.total, {low}, q.rn >= {low} AND q.rn < {high}, {dList}, q.n, q.speakers, q.articles, q.places "
            + $"FROM q WHERE (q.rn >= {low} AND q.rn < {high}) OR q.rn = 0 ORDER BY q.rn";
    }

    private static string Having(CountCondition condition, SqlFilter sql)
    {
        var values = condition.Values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        return condition.Op switch
        {
            CompareOp.Eq => $"r.n = {values[0]}",
            CompareOp.Neq => $"r.n <> {values[0]}",
            CompareOp.Gt => $"r.n > {values[0]}",
            CompareOp.Gte => $"r.n >= {values[0]}",
            CompareOp.Lt => $"r.n < {values[0]}",
            CompareOp.Lte => $"r.n <= {values[0]}",
            CompareOp.In => $"r.n IN (SELECT value FROM json_each({sql.Parameter(JsonSerializer.Serialize(condition.Values))}))",
            CompareOp.Nin => $"r.n NOT IN (SELECT value FROM json_each({sql.Parameter(JsonSerializer.Serialize(condition.Values))}))",
            _ => throw new NotSupportedException($"'{condition.Op}' does not apply to a count."),
        };
    }
}
