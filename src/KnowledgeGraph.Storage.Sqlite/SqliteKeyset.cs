using System.Globalization;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Lists paged by <see cref="SortPosition"/> (sorted by a relationship count): the window's ends
/// are found by counting the rows that sort before the cursor's values, in the same command.
/// </summary>
internal static class SqliteKeyset
{
    /// <summary>One sort key: its SQL over the row, whether it sorts largest first.</summary>
    internal readonly record struct Key(string Sql, bool Descending);

    /// <summary>
    /// The predicate "the row sorts before <paramref name="position"/>" (or at it, with
    /// <paramref name="orAt"/>) over <paramref name="keys"/>, absent values last in both
    /// directions, as <see cref="SqlFilter.OrderBy"/> sorts.
    /// </summary>
    public static string Before(IReadOnlyList<Key> keys, SortPosition position, SqlFilter sql, bool orAt)
    {
        var values = position.Values.Select(v => v is null ? null : sql.Parameter(v)).ToArray();
        var terms = new List<string>();
        var equal = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var (column, descending) = keys[i];
            var before = values[i] is { } p
                ? $"({column} IS NOT NULL AND {column} {(descending ? ">" : "<")} {p})"
                : $"({column} IS NOT NULL)";
            terms.Add(equal.Count == 0 ? before : $"({string.Join(" AND ", equal)} AND {before})");
            equal.Add(values[i] is { } q ? $"{column} = {q}" : $"{column} IS NULL");
        }

        if (orAt)
        {
            terms.Add($"({string.Join(" AND ", equal)})");
        }

        return "(" + string.Join(" OR ", terms) + ")";
    }

    /// <summary>
    /// The window [low, high) of <paramref name="page"/> over <paramref name="total"/> rows (SQL
    /// expressions), given SQL that counts the rows before a position.
    /// </summary>
    public static (string Low, string High) Window(PageRequest page, string total, Func<SortPosition, bool, string> countBefore)
    {
        var start = page.AfterPosition is { } after ? countBefore(after, true) : page.RangeStart.ToString(CultureInfo.InvariantCulture);
        var end = page.BeforePosition is { } beforePosition
            ? $"min({countBefore(beforePosition, false)}, {total})"
            : page.Before is { } before ? $"min({before}, {total})" : total;
        return page.Last is { } last
            ? ($"max({start}, {end} - {last})", end)
            : (start, $"max({start}, min({end}, {start} + {page.First ?? 0}))");
    }

    /// <summary>A value read back as it goes into a position.</summary>
    public static object? Value(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal) switch
    {
        long whole => whole,
        string text => text,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };
}

/// <content>Root lists sorted by a relationship count, paged by <see cref="SortPosition"/>.</content>
public sealed partial class SqliteGraphStore
{
    private async Task<Page<T>> ListByPositionAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : Node
    {
        var map = MapOf<T>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        FilterShape.EnsureTranslatable(where);
        var sql = new SqlFilter(command);
        var predicate = sql.Where(where, map, "t");
        var orderBy = SqlFilter.OrderBy(order, map, "t");
        var keys = order
            .Select((sort, i) => new SqliteKeyset.Key("w.s" + i.ToString(CultureInfo.InvariantCulture), sort.Descending))
            .Append(new SqliteKeyset.Key("w.s" + order.Count.ToString(CultureInfo.InvariantCulture), false))
            .ToArray();
        var values = order.Select((sort, i) => (map.Counts.TryGetValue(sort.Field, out var count)
                ? count.Replace("{a}", "t", StringComparison.Ordinal)
                : $"t.{map.Fields[sort.Field]}") + " AS s" + i.ToString(CultureInfo.InvariantCulture))
            .Append("t.key AS s" + order.Count.ToString(CultureInfo.InvariantCulture));
        var (low, high) = SqliteKeyset.Window(page, "b.total",
            (position, orAt) => $"(SELECT count(*) FROM w WHERE {SqliteKeyset.Before(keys, position, sql, orAt)})");

        // Every matching row is numbered in order once (the counts are computed for all of them
        // anyway, to sort); the window's ends are counts over those numbered rows. The first
        // row of the answer always comes, with the window, even when the window is empty.
        command.CommandText =
            $"WITH w AS MATERIALIZED (SELECT t.rowid AS id, {string.Join(", ", values)}, row_number() OVER (ORDER BY {orderBy}) - 1 AS rn FROM {map.Table} t WHERE {predicate}),\n"
            + "b AS (SELECT count(*) AS total FROM w),\n"
            + $"h AS (SELECT {low} AS low, {high} AS high, b.total FROM b)\n"
            + $"SELECT h.low, h.high, h.total, w.rn, {string.Join(", ", keys.Select(k => k.Sql))}, {map.ColumnsFor(page.Parts)} "
            + "FROM h LEFT JOIN w ON w.rn >= h.low AND w.rn < h.high LEFT JOIN " + map.Table + " t ON t.rowid = w.id ORDER BY w.rn";

        var items = new List<T>();
        var positions = new List<SortPosition>();
        var (offset, end, total) = (0, 0, 0);
        await using var reader = await ExecuteAsync(command, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            (offset, end, total) = (checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)), checked((int)reader.GetInt64(2)));
            if (reader.IsDBNull(3))
            {
                continue;
            }

            positions.Add(new SortPosition([.. keys.Select((_, i) => SqliteKeyset.Value(reader, 4 + i))]));
            items.Add((T)map.Read(new SqliteRow(reader), 4 + keys.Length));
        }

        offset = Math.Min(Math.Max(offset, 0), total);
        return new Page<T>(items, offset, offset > 0, Math.Max(end, offset) < total, page.IncludeTotalCount ? total : null) { Positions = positions };
    }
}
