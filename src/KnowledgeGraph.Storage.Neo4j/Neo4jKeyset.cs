using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Lists paged by <see cref="SortPosition"/> (sorted by a relationship count): the window's ends
/// are found by counting the rows that sort before the cursor's values, in the same statement.
/// </summary>
internal static class Neo4jKeyset
{
    /// <summary>
    /// The predicate "the row sorts before <paramref name="position"/>" (or at it, with
    /// <paramref name="orAt"/>) over the sort values <paramref name="keys"/>, absent values last in
    /// both directions, as <see cref="CypherFilter.OrderBy"/> sorts.
    /// </summary>
    public static string Before(IReadOnlyList<(string Cypher, bool Descending)> keys, SortPosition position, CypherFilter cypher, bool orAt)
    {
        var values = position.Values.Select(v => v is null ? null : cypher.Parameter(v)).ToArray();
        var terms = new List<string>();
        var equal = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var (value, descending) = keys[i];
            var before = values[i] is { } p
                ? $"({value} IS NOT NULL AND {value} {(descending ? ">" : "<")} {p})"
                : $"({value} IS NOT NULL)";
            terms.Add(equal.Count == 0 ? before : $"({string.Join(" AND ", equal)} AND {before})");
            equal.Add(values[i] is { } q ? $"{value} = {q}" : $"{value} IS NULL");
        }

        if (orAt)
        {
            terms.Add($"({string.Join(" AND ", equal)})");
        }

        return "(" + string.Join(" OR ", terms) + ")";
    }

    /// <summary>
    /// The window of <paramref name="page"/> over <paramref name="total"/> rows: Cypher for its
    /// range's start and end (to bind as <c>kstart</c> and <c>kend</c>), then for low and high over
    /// those two, given Cypher that counts the rows before a position.
    /// </summary>
    public static (string Start, string End, string Low, string High) Window(PageRequest page, string total, CypherFilter cypher, Func<SortPosition, bool, string> countBefore)
    {
        static string Min(string a, string b) => $"CASE WHEN {a} < {b} THEN {a} ELSE {b} END";
        static string Max(string a, string b) => $"CASE WHEN {a} > {b} THEN {a} ELSE {b} END";
        var start = page.AfterPosition is { } after ? countBefore(after, true) : cypher.Parameter((long)page.RangeStart);
        var end = page.BeforePosition is { } beforePosition
            ? Min(countBefore(beforePosition, false), total)
            : page.Before is { } before ? Min(cypher.Parameter((long)before), total) : total;
        return page.Last is { } last
            ? (start, end, Max("kstart", $"kend - {cypher.Parameter((long)last)}"), "kend")
            : (start, end, "kstart", Max("kstart", Min("kend", $"kstart + {cypher.Parameter((long)(page.First ?? 0))}")));
    }

    /// <summary>A value read back as it goes into a position.</summary>
    public static object? Value(JsonElement value)
    {
        var typed = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("$type", out var type) ? type.GetString() : null;
        var v = QueryValues.Unwrap(value);
        return v.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Number when v.TryGetInt64(out var whole) => whole,
            JsonValueKind.String when typed == "Integer" => long.Parse(v.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
            JsonValueKind.String => v.GetString(),
            _ => v.GetRawText(),
        };
    }
}

/// <content>Root lists sorted by a relationship count, paged by <see cref="SortPosition"/>.</content>
public sealed partial class Neo4jGraphStore
{
    private async Task<Page<T>> ListByPositionAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : Node
    {
        var map = RecordMaps.Of<T>();
        FilterShape.EnsureTranslatable(where);
        var cypher = new CypherFilter();
        var values = order
            .Select(sort => map.Counts.TryGetValue(sort.Field, out var count)
                ? count.Replace("{v}", "t", StringComparison.Ordinal)
                : "t." + (map.Fields.TryGetValue(sort.Field, out var property) ? property : throw new NotSupportedException($"{map.Name} has no field '{sort.Field}'.")))
            .Append("t.key")
            .ToArray();
        var keys = order.Select((sort, i) => ($"r.k[{i}]", sort.Descending)).Append(($"r.k[{order.Count}]", false)).ToArray();
        var (start, end, low, high) = Neo4jKeyset.Window(page, "total", cypher,
            (position, orAt) => $"size([r IN rows WHERE {Neo4jKeyset.Before(keys, position, cypher, orAt)}])");

        // Every matching node is sorted once (the counts are computed for all of them anyway, to
        // sort); the window's ends are counts over that sorted list.
        var statement =
            $"MATCH (t:{map.Label}) WHERE {cypher.Where(where, map, new Binding("t"))}\n"
            + $"WITH t, [{string.Join(", ", values)}] AS k ORDER BY {CypherFilter.OrderBy(order, map, new Binding("t"))}\n"
            + "WITH collect({t: t, k: k}) AS rows\n"
            + "WITH rows, size(rows) AS total\n"
            + $"WITH rows, total, {start} AS kstart, {end} AS kend\n"
            + $"WITH rows, total, {low} AS low, {high} AS high\n"
            + "CALL (rows, low, high) {\n"
            + "  UNWIND rows[low..high] AS r\n"
            + $"  WITH r.t AS t, r.k AS k\n"
            + $"  RETURN collect({{record: {map.Projection!("t", page.Parts)}, k: k}}) AS records\n"
            + "}\n"
            + "RETURN total, low, high, records";

        using var result = await _client.RunAsync(statement, cypher.Parameters, cancellationToken);
        var items = new List<T>();
        var positions = new List<SortPosition>();
        if (result.Rows.Count == 0)
        {
            return new Page<T>(items, 0, false, false, page.IncludeTotalCount ? 0 : null) { Positions = positions };
        }

        var total = checked((int)(QueryValues.Integer(result.Value(0, "total")) ?? 0));
        var offset = checked((int)(QueryValues.Integer(result.Value(0, "low")) ?? 0));
        var stop = checked((int)(QueryValues.Integer(result.Value(0, "high")) ?? 0));
        foreach (var record in QueryValues.List(result.Value(0, "records")))
        {
            items.Add((T)map.Read(QueryValues.Property(record, "record")));
            positions.Add(new SortPosition([.. QueryValues.List(record, "k").Select(Neo4jKeyset.Value)]));
        }

        offset = Math.Min(Math.Max(offset, 0), total);
        return new Page<T>(items, offset, offset > 0, Math.Max(stop, offset) < total, page.IncludeTotalCount ? total : null) { Positions = positions };
    }
}
