using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Domain.Query;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Translates the query model into SQL over the maps in <see cref="TableMaps"/>. Every value
/// becomes a parameter; only names from the maps reach the SQL text. Every predicate it emits
/// is two-valued (never NULL), so NOT and the <c>all</c> quantifier mean what they say.
/// </summary>
internal sealed class SqlFilter(SqliteCommand command)
{
    private int _aliases;

    public string NewAlias() => "x" + (_aliases++).ToString(CultureInfo.InvariantCulture);

    public string Parameter(object? value)
    {
        var name = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return name;
    }

    /// <summary>The SQL predicate for <paramref name="filter"/> on rows of <paramref name="map"/> aliased <paramref name="alias"/>.</summary>
    public string Where(Filter? filter, TableMap map, string alias) => filter switch
    {
        null => "1",
        AllOf all => all.Filters.Count == 0 ? "1" : Balanced([.. all.Filters.Select(f => Where(f, map, alias))], " AND "),
        AnyOf any => any.Filters.Count == 0 ? "0" : Balanced([.. any.Filters.Select(f => Where(f, map, alias))], " OR "),
        Compare compare => Comparison(compare, map, alias),
        Related related => Relation(related, map, alias),
        _ => throw new NotSupportedException($"Filter {filter.GetType().Name} is not supported."),
    };

    /// <summary>
    /// The terms joined by <paramref name="op"/> as a balanced tree of parentheses: SQLite parses
    /// <c>a OR b OR c …</c> into a tree as deep as the list is long, and refuses trees deeper than
    /// 1000; halves keep the depth at log2 of the count.
    /// </summary>
    private static string Balanced(ReadOnlySpan<string> terms, string op) => terms.Length <= 8
        ? "(" + string.Join(op, terms) + ")"
        : "(" + Balanced(terms[..(terms.Length / 2)], op) + op + Balanced(terms[(terms.Length / 2)..], op) + ")";

    public static string OrderBy(IReadOnlyList<SortField> order, TableMap map, string alias)
    {
        var builder = new StringBuilder();
        foreach (var sort in order)
        {
            var column = map.Counts.TryGetValue(sort.Field, out var count)
                ? count.Replace("{a}", alias, StringComparison.Ordinal)
                : $"{alias}.{Column(map, sort.Field).Column}";

            // Absent values sort last in both directions, on every store.
            builder.Append(column).Append(" IS NULL, ").Append(column).Append(sort.Descending ? " DESC, " : " ASC, ");
        }

        builder.Append(map.TieBreaker.Replace("{a}", alias, StringComparison.Ordinal));
        return builder.ToString();
    }

    private string Comparison(Compare compare, TableMap map, string alias)
    {
        var (column, type) = Column(map, compare.Field);
        var c = $"{alias}.{column}";
        if (compare.IgnoreCase && compare.Value is not null)
        {
            if (type is not ColumnType.Text)
            {
                throw new NotSupportedException($"{compare.Field} is not a string; it has no case to ignore.");
            }

            // Both sides folded alike: the column by the registered function, the value here.
            c = SqliteFunctions.Fold(c);
            compare = compare with
            {
                Value = compare.Value is string one
                    ? CaseFolding.Fold(one)
                    : ((IEnumerable)compare.Value).Cast<object>().Select(v => (object)CaseFolding.Fold((string)v)).ToArray(),
            };
        }

        if (compare.Value is null)
        {
            return compare.Op switch
            {
                CompareOp.Eq => $"({c} IS NULL)",
                CompareOp.Neq => $"({c} IS NOT NULL)",
                _ => throw new ArgumentException($"{compare.Op} needs a value.", nameof(compare)),
            };
        }

        if (compare.Op is CompareOp.In or CompareOp.Nin)
        {
            var list = JsonSerializer.Serialize(((IEnumerable)compare.Value).Cast<object>().Select(v => TableMaps.ToColumnValue(v, type)));
            var values = type is ColumnType.Boolean
                ? $"(SELECT CAST(value AS INTEGER) FROM json_each({Parameter(list)}))"
                : $"(SELECT value FROM json_each({Parameter(list)}))";
            return compare.Op == CompareOp.In
                ? $"({c} IS NOT NULL AND {c} IN {values})"
                : $"({c} IS NULL OR {c} NOT IN {values})";
        }

        var raw = TableMaps.ToColumnValue(compare.Value, type);
        var p = type is ColumnType.Boolean or ColumnType.Integer
            ? Parameter(long.Parse(raw, CultureInfo.InvariantCulture))
            : Parameter(raw);
        return compare.Op switch
        {
            CompareOp.Eq => $"({c} IS NOT NULL AND {c} = {p})",
            CompareOp.Neq => $"({c} IS NULL OR {c} <> {p})",
            CompareOp.Gt => $"({c} IS NOT NULL AND {c} > {p})",
            CompareOp.Gte => $"({c} IS NOT NULL AND {c} >= {p})",
            CompareOp.Lt => $"({c} IS NOT NULL AND {c} < {p})",
            CompareOp.Lte => $"({c} IS NOT NULL AND {c} <= {p})",
            // Substring tests compare UTF-8 bytes (BLOB casts): length() and substr() on TEXT
            // count characters only up to the first U+0000, so a value holding one would match
            // wrongly. A byte match of valid UTF-8 is a match of whole characters.
            CompareOp.Contains => $"({c} IS NOT NULL AND instr(CAST({c} AS BLOB), CAST({p} AS BLOB)) > 0)",
            CompareOp.NotContains => $"({c} IS NULL OR instr(CAST({c} AS BLOB), CAST({p} AS BLOB)) = 0)",
            CompareOp.StartsWith => $"({c} IS NOT NULL AND substr(CAST({c} AS BLOB), 1, length(CAST({p} AS BLOB))) = CAST({p} AS BLOB))",
            CompareOp.NotStartsWith => $"({c} IS NULL OR substr(CAST({c} AS BLOB), 1, length(CAST({p} AS BLOB))) <> CAST({p} AS BLOB))",
            CompareOp.EndsWith => $"({c} IS NOT NULL AND (length(CAST({p} AS BLOB)) = 0 OR substr(CAST({c} AS BLOB), -length(CAST({p} AS BLOB))) = CAST({p} AS BLOB)))",
            CompareOp.NotEndsWith => $"({c} IS NULL OR (length(CAST({p} AS BLOB)) > 0 AND substr(CAST({c} AS BLOB), -length(CAST({p} AS BLOB))) <> CAST({p} AS BLOB)))",
            _ => throw new NotSupportedException($"{compare.Op} is not supported."),
        };
    }

    private string Relation(Related related, TableMap map, string alias)
    {
        if (!map.Relations.TryGetValue(related.Relation, out var relation))
        {
            throw new NotSupportedException($"{map.Table} has no relation '{related.Relation}'.");
        }

        var inner = NewAlias();
        var link = NewAlias();
        var from = relation.From.Replace("{i}", inner, StringComparison.Ordinal).Replace("{j}", link, StringComparison.Ordinal);
        var correlation = relation.Correlation
            .Replace("{i}", inner, StringComparison.Ordinal)
            .Replace("{j}", link, StringComparison.Ordinal)
            .Replace("{o}", alias, StringComparison.Ordinal);
        var predicate = Where(related.Filter, relation.Target, inner);
        return related.Quantifier switch
        {
            Quantifier.Is or Quantifier.Some => $"EXISTS (SELECT 1 FROM {from} WHERE {correlation} AND {predicate})",
            Quantifier.None => $"NOT EXISTS (SELECT 1 FROM {from} WHERE {correlation} AND {predicate})",
            Quantifier.All => $"NOT EXISTS (SELECT 1 FROM {from} WHERE {correlation} AND NOT {predicate})",
            _ => throw new NotSupportedException($"{related.Quantifier} is not supported."),
        };
    }

    private static (string Column, ColumnType Type) Column(TableMap map, string field) =>
        map.Fields.TryGetValue(field, out var column)
            ? column
            : throw new NotSupportedException($"{map.Table} has no field '{field}'.");
}
