using System.Collections;
using System.Globalization;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The parameters of one statement, and the translation of the query model into Cypher over
/// the maps in <see cref="RecordMaps"/>. Every value becomes a parameter; only names from the
/// maps reach the Cypher text. Every predicate it emits is two-valued (never null), so
/// <c>NOT</c> and the <c>all</c> quantifier mean what they say, as in the SQLite store.
/// </summary>
internal sealed class CypherFilter
{
    private readonly Dictionary<string, object?> _parameters = new(StringComparer.Ordinal);
    private int _variables;

    public IReadOnlyDictionary<string, object?> Parameters => _parameters;

    /// <summary>A fresh variable name for a filter subquery.</summary>
    public string NewVariable() => "f" + (_variables++).ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds a parameter with a generated name and returns its reference (<c>$p0</c>).</summary>
    public string Parameter(object? value)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters[name] = value;
        return "$" + name;
    }

    /// <summary>Adds a parameter with a fixed name and returns its reference.</summary>
    public string Parameter(string name, object? value)
    {
        _parameters[name] = value;
        return "$" + name;
    }

    /// <summary>The Cypher predicate for <paramref name="filter"/> on the record bound by <paramref name="binding"/>.</summary>
    public string Where(Filter? filter, RecordMap map, Binding binding) => filter switch
    {
        null => "true",
        AllOf all => all.Filters.Count == 0 ? "true" : "(" + string.Join(" AND ", all.Filters.Select(f => Where(f, map, binding))) + ")",
        AnyOf any => any.Filters.Count == 0 ? "false" : "(" + string.Join(" OR ", any.Filters.Select(f => Where(f, map, binding))) + ")",
        Compare compare => Comparison(compare, map, binding),
        Related related => Relation(related, map, binding),
        _ => throw new NotSupportedException($"Filter {filter.GetType().Name} is not supported."),
    };

    /// <summary>
    /// The sort keys: absent values last in both directions, then the tie-breaker ascending.
    /// <paramref name="reverse"/> gives the exact reverse of that order.
    /// </summary>
    public static string OrderBy(IReadOnlyList<SortField> order, RecordMap map, Binding binding, bool reverse = false)
    {
        var keys = new List<string>();
        foreach (var sort in order)
        {
            var c = map.Counts.TryGetValue(sort.Field, out var count)
                ? count.Replace("{v}", binding.Var, StringComparison.Ordinal)
                : Operand(map, binding, sort.Field).Expression;
            keys.Add($"{c} IS NULL" + (reverse ? " DESC" : string.Empty));
            keys.Add(c + (sort.Descending != reverse ? " DESC" : string.Empty));
        }

        keys.AddRange(map.TieBreaker(binding).Select(k => reverse ? k + " DESC" : k));
        return string.Join(", ", keys);
    }

    /// <summary>The value a field is stored as, for a value of the query model.</summary>
    public static object ToStoredValue(object value, FieldType type) => type switch
    {
        FieldType.Date => DateText.Write((DateOnly)value),
        FieldType.DateTime => InstantText.Write((DateTimeOffset)value),
        FieldType.Enum => EnumNames.WireOf(value),
        FieldType.Boolean => (bool)value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private string Comparison(Compare compare, RecordMap map, Binding binding)
    {
        var (c, type) = Operand(map, binding, compare.Field);
        if (compare.IgnoreCase && compare.Value is not null)
        {
            if (type is not FieldType.Text)
            {
                throw new NotSupportedException($"{compare.Field} is not a string; it has no case to ignore.");
            }

            // Both sides folded alike (CaseFolding.Fold): Java's toLower, with its final sigma
            // made a plain one; the value folded here.
            c = $"replace(toLower({c}), '\\u03c2', '\\u03c3')";
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
            var values = ((IEnumerable)compare.Value).Cast<object>().Select(v => ToStoredValue(v, type)).ToArray();
            var p = Parameter(values);
            var list = type == FieldType.Date ? $"[d IN {p} | date(d)]" : p;
            return compare.Op == CompareOp.In
                ? $"({c} IS NOT NULL AND {c} IN {list})"
                : $"({c} IS NULL OR NOT {c} IN {list})";
        }

        if (compare.Op is CompareOp.Contains or CompareOp.NotContains or CompareOp.StartsWith
            or CompareOp.NotStartsWith or CompareOp.EndsWith or CompareOp.NotEndsWith)
        {
            // Substring tests compare the stored text, as SQLite compares its text columns.
            var text = type switch
            {
                FieldType.Date => $"toString({c})",
                FieldType.Boolean => $"CASE {c} WHEN true THEN '1' ELSE '0' END",
                _ => c,
            };
            var raw = ToStoredValue(compare.Value, type);
            var s = Parameter(raw is bool b ? (b ? "1" : "0") : raw);
            return compare.Op switch
            {
                CompareOp.Contains => $"({c} IS NOT NULL AND {text} CONTAINS {s})",
                CompareOp.NotContains => $"({c} IS NULL OR NOT {text} CONTAINS {s})",
                CompareOp.StartsWith => $"({c} IS NOT NULL AND {text} STARTS WITH {s})",
                CompareOp.NotStartsWith => $"({c} IS NULL OR NOT {text} STARTS WITH {s})",
                CompareOp.EndsWith => $"({c} IS NOT NULL AND {text} ENDS WITH {s})",
                _ => $"({c} IS NULL OR NOT {text} ENDS WITH {s})",
            };
        }

        var value = Parameter(ToStoredValue(compare.Value, type));
        var v = type == FieldType.Date ? $"date({value})" : value;
        return compare.Op switch
        {
            CompareOp.Eq => $"({c} IS NOT NULL AND {c} = {v})",
            CompareOp.Neq => $"({c} IS NULL OR {c} <> {v})",
            CompareOp.Gt => $"({c} IS NOT NULL AND {c} > {v})",
            CompareOp.Gte => $"({c} IS NOT NULL AND {c} >= {v})",
            CompareOp.Lt => $"({c} IS NOT NULL AND {c} < {v})",
            CompareOp.Lte => $"({c} IS NOT NULL AND {c} <= {v})",
            _ => throw new NotSupportedException($"{compare.Op} is not supported."),
        };
    }

    private string Relation(Related related, RecordMap map, Binding binding)
    {
        if (!map.Relations.TryGetValue(related.Relation, out var relation))
        {
            throw new NotSupportedException($"{map.Name} has no relation '{related.Relation}'.");
        }

        if (relation.EndNode is { } endNode)
        {
            // An affiliation's person and organisation always exist, exactly one of each.
            var predicate = Where(related.Filter, relation.Target, endNode(binding));
            return related.Quantifier switch
            {
                Quantifier.Is or Quantifier.Some or Quantifier.All => predicate,
                Quantifier.None => $"(NOT {predicate})",
                _ => throw new NotSupportedException($"{related.Quantifier} is not supported."),
            };
        }

        var inner = NewVariable();
        string pattern;
        Binding innerBinding;
        if (relation.ToAffiliations)
        {
            var organisation = NewVariable();
            pattern = $"({binding.Var})-[{inner}:{relation.RelType}]->({organisation}:{Graph.Organisation})";
            innerBinding = new Binding(inner, binding.Var, organisation);
        }
        else
        {
            pattern = $"({binding.Var})-[:{relation.RelType}]->({inner}:{relation.Target.Label})";
            innerBinding = new Binding(inner);
        }

        var condition = Where(related.Filter, relation.Target, innerBinding);
        return related.Quantifier switch
        {
            Quantifier.Is or Quantifier.Some => $"EXISTS {{ MATCH {pattern} WHERE {condition} }}",
            Quantifier.None => $"(NOT EXISTS {{ MATCH {pattern} WHERE {condition} }})",
            Quantifier.All => $"(NOT EXISTS {{ MATCH {pattern} WHERE NOT {condition} }})",
            _ => throw new NotSupportedException($"{related.Quantifier} is not supported."),
        };
    }

    private static (string Expression, FieldType Type) Operand(RecordMap map, Binding binding, string field) =>
        map.Fields.TryGetValue(field, out var f)
            ? ($"{binding.Var}.{f.Property}", f.Type)
            : throw new NotSupportedException($"{map.Name} has no field '{field}'.");
}
