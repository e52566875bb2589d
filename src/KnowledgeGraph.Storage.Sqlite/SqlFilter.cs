using System.Globalization;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Domain.Query;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Spells the query model in SQL over the maps in <see cref="TableMaps"/>: a filter's normal
/// form from <see cref="FilterRules"/>, which decides absence, negation and the edge cases, and
/// sort keys. Every value becomes a parameter; only names from the maps reach the SQL text.
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

    /// <summary>
    /// The SQL predicate for <paramref name="filter"/> on rows of <paramref name="map"/> aliased
    /// <paramref name="alias"/>: the filter's normal form (<see cref="FilterRules"/>) spelled in SQL.
    /// </summary>
    public string Where(Filter? filter, TableMap map, string alias) => Sql(FilterRules.Normalise(filter, map.Record), map, alias);

    /// <summary>The condition in SQL; <paramref name="inner"/> when it is a term of an enclosing AND, OR or NOT, which parenthesises it.</summary>
    private string Sql(Condition condition, TableMap map, string alias, bool inner = false) => condition switch
    {
        AllTerms all => all.Terms.Count == 0 ? "1" : Balanced([.. all.Terms.Select(f => Sql(f, map, alias, inner: true))], " AND "),
        AnyTerm any => any.Terms.Count == 0 ? "0" : Balanced([.. any.Terms.Select(f => Sql(f, map, alias, inner: true))], " OR "),
        NotTerm not => $"NOT ({Sql(not.Term, map, alias, inner: true)})",
        Present present => Enclosed($"{alias}.{Column(map, present.Field)} IS NOT NULL", inner),
        Absent absent => Enclosed($"{alias}.{Column(map, absent.Field)} IS NULL", inner),
        ValueTest test => Enclosed(Test(test, map, alias), inner),
        RelatedTerm related => Relation(related, map, alias),
        _ => throw new NotSupportedException($"Condition {condition.GetType().Name} is not supported."),
    };

    private static string Enclosed(string term, bool inner) => inner ? term : "(" + term + ")";

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
                : $"{alias}.{Column(map, map.Record.SortField(sort.Field).Name)}";

            // Absent values sort last in both directions, on every store.
            builder.Append(column).Append(" IS NULL, ").Append(column).Append(sort.Descending ? " DESC, " : " ASC, ");
        }

        builder.Append(map.TieBreaker.Replace("{a}", alias, StringComparison.Ordinal));
        return builder.ToString();
    }

    private string Test(ValueTest test, TableMap map, string alias)
    {
        var type = test.Field.Type;
        var c = $"{alias}.{Column(map, test.Field.Name)}";
        if (test.Folded)
        {
            // Both sides folded alike: the column by the registered function, the value already.
            c = SqliteFunctions.Fold(c);
        }

        if (test.Op is ValueOp.In)
        {
            var list = JsonSerializer.Serialize(((IEnumerable<object>)test.Value).Select(v => TableMaps.ToColumnValue(v, type)));
            var values = type is FieldValueType.Boolean
                ? $"(SELECT CAST(value AS INTEGER) FROM json_each({Parameter(list)}))"
                : $"(SELECT value FROM json_each({Parameter(list)}))";
            return $"{c} IN {values}";
        }

        var raw = TableMaps.ToColumnValue(test.Value, type);
        var p = type is FieldValueType.Boolean
            ? Parameter(long.Parse(raw, CultureInfo.InvariantCulture))
            : Parameter(raw);
        return test.Op switch
        {
            ValueOp.Eq => $"{c} = {p}",
            ValueOp.Gt => $"{c} > {p}",
            ValueOp.Gte => $"{c} >= {p}",
            ValueOp.Lt => $"{c} < {p}",
            ValueOp.Lte => $"{c} <= {p}",
            // Substring tests compare UTF-8 bytes (BLOB casts): length() and substr() on TEXT
            // count characters only up to the first U+0000, so a value holding one would match
            // wrongly. A byte match of valid UTF-8 is a match of whole characters. The value is
            // never empty here (FilterRules), so a negative substr() start is a real suffix.
            ValueOp.Contains => $"instr(CAST({c} AS BLOB), CAST({p} AS BLOB)) > 0",
            ValueOp.StartsWith => $"substr(CAST({c} AS BLOB), 1, length(CAST({p} AS BLOB))) = CAST({p} AS BLOB)",
            ValueOp.EndsWith => $"substr(CAST({c} AS BLOB), -length(CAST({p} AS BLOB))) = CAST({p} AS BLOB)",
            _ => throw new NotSupportedException($"{test.Op} is not supported."),
        };
    }

    private string Relation(RelatedTerm related, TableMap map, string alias)
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
        var predicate = Sql(related.Condition, relation.Target, inner);
        return related.Quantifier switch
        {
            Quantifier.Is or Quantifier.Some => $"EXISTS (SELECT 1 FROM {from} WHERE {correlation} AND {predicate})",
            Quantifier.None => $"NOT EXISTS (SELECT 1 FROM {from} WHERE {correlation} AND {predicate})",
            Quantifier.All => $"NOT EXISTS (SELECT 1 FROM {from} WHERE {correlation} AND NOT ({predicate}))",
            _ => throw new NotSupportedException($"{related.Quantifier} is not supported."),
        };
    }

    private static string Column(TableMap map, string field) =>
        map.Fields.TryGetValue(field, out var column)
            ? column
            : throw new NotSupportedException($"{map.Table} has no column for '{field}'.");
}
