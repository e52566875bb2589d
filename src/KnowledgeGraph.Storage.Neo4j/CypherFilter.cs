using System.Globalization;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The parameters of one statement, and the query model spelled in Cypher over the maps in
/// <see cref="RecordMaps"/>: a filter's normal form from <see cref="FilterRules"/>, which
/// decides absence, negation and the edge cases, and sort keys. Every value becomes a
/// parameter; only names from the maps reach the Cypher text.
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

    /// <summary>
    /// The Cypher predicate for <paramref name="filter"/> on the record bound by
    /// <paramref name="binding"/>: the filter's normal form (<see cref="FilterRules"/>) spelled in Cypher.
    /// </summary>
    public string Where(Filter? filter, RecordMap map, Binding binding) => Cypher(FilterRules.Normalise(filter, map.Record), map, binding);

    /// <summary>The condition in Cypher; <paramref name="inner"/> when it is a term of an enclosing AND, OR or NOT, which parenthesises it.</summary>
    private string Cypher(Condition condition, RecordMap map, Binding binding, bool inner = false) => condition switch
    {
        AllTerms all => all.Terms.Count == 0 ? "true" : "(" + string.Join(" AND ", all.Terms.Select(f => Cypher(f, map, binding, inner: true))) + ")",
        AnyTerm any => any.Terms.Count == 0 ? "false" : "(" + string.Join(" OR ", any.Terms.Select(f => Cypher(f, map, binding, inner: true))) + ")",
        NotTerm not => $"NOT ({Cypher(not.Term, map, binding, inner: true)})",
        Present present => Enclosed($"{Operand(map, binding, present.Field)} IS NOT NULL", inner),
        Absent absent => Enclosed($"{Operand(map, binding, absent.Field)} IS NULL", inner),
        ValueTest test => Enclosed(Test(test, map, binding), inner),
        RelatedTerm related => Relation(related, map, binding),
        _ => throw new NotSupportedException($"Condition {condition.GetType().Name} is not supported."),
    };

    private static string Enclosed(string term, bool inner) => inner ? term : "(" + term + ")";

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
                : Operand(map, binding, map.Record.SortField(sort.Field).Name);
            keys.Add($"{c} IS NULL" + (reverse ? " DESC" : string.Empty));
            keys.Add(c + (sort.Descending != reverse ? " DESC" : string.Empty));
        }

        keys.AddRange(map.TieBreaker(binding).Select(k => reverse ? k + " DESC" : k));
        return string.Join(", ", keys);
    }

    /// <summary>The value a field is stored as, for a value of the query model.</summary>
    public static object ToStoredValue(object value, FieldValueType type) => type switch
    {
        FieldValueType.Date => DateText.Write((DateOnly)value),
        FieldValueType.DateTime => InstantText.Write((DateTimeOffset)value),
        FieldValueType.Enum => EnumNames.WireOf(value),
        FieldValueType.Boolean => (bool)value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private string Test(ValueTest test, RecordMap map, Binding binding)
    {
        var type = test.Field.Type;
        var c = Operand(map, binding, test.Field.Name);
        if (test.Folded)
        {
            // Both sides folded alike (CaseFolding.Fold): Java's toLower, with its final sigma
            // made a plain one; the value already folded.
            c = $"replace(toLower({c}), '\\u03c2', '\\u03c3')";
        }

        if (test.Op is ValueOp.In)
        {
            var p = Parameter(((IEnumerable<object>)test.Value).Select(v => ToStoredValue(v, type)).ToArray());
            return $"{c} IN " + (type == FieldValueType.Date ? $"[d IN {p} | date(d)]" : p);
        }

        var value = Parameter(ToStoredValue(test.Value, type));
        var v = type == FieldValueType.Date ? $"date({value})" : value;
        return test.Op switch
        {
            ValueOp.Eq => $"{c} = {v}",
            ValueOp.Gt => $"{c} > {v}",
            ValueOp.Gte => $"{c} >= {v}",
            ValueOp.Lt => $"{c} < {v}",
            ValueOp.Lte => $"{c} <= {v}",
            ValueOp.Contains => $"{c} CONTAINS {v}",
            ValueOp.StartsWith => $"{c} STARTS WITH {v}",
            ValueOp.EndsWith => $"{c} ENDS WITH {v}",
            _ => throw new NotSupportedException($"{test.Op} is not supported."),
        };
    }

    private string Relation(RelatedTerm related, RecordMap map, Binding binding)
    {
        if (!map.Relations.TryGetValue(related.Relation, out var relation))
        {
            throw new NotSupportedException($"{map.Name} has no relation '{related.Relation}'.");
        }

        if (relation.EndNode is { } endNode)
        {
            // An affiliation's person and organisation always exist, exactly one of each.
            var predicate = Cypher(related.Condition, relation.Target, endNode(binding));
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

        var condition = Cypher(related.Condition, relation.Target, innerBinding);
        return related.Quantifier switch
        {
            Quantifier.Is or Quantifier.Some => $"EXISTS {{ MATCH {pattern} WHERE {condition} }}",
            Quantifier.None => $"(NOT EXISTS {{ MATCH {pattern} WHERE {condition} }})",
            Quantifier.All => $"(NOT EXISTS {{ MATCH {pattern} WHERE NOT ({condition}) }})",
            _ => throw new NotSupportedException($"{related.Quantifier} is not supported."),
        };
    }

    private static string Operand(RecordMap map, Binding binding, string field) =>
        map.Fields.TryGetValue(field, out var property)
            ? $"{binding.Var}.{property}"
            : throw new NotSupportedException($"{map.Name} has no property for '{field}'.");
}
