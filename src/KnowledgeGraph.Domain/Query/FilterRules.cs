using System.Collections;
using System.Globalization;

namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// The one place that decides what a <see cref="Filter"/> means, for every store: it rewrites a
/// filter into its <see cref="Condition"/> normal form, which an adapter then only spells in
/// its query language.
/// <list type="bullet">
/// <item><c>eq null</c> is <see cref="Absent"/>, <c>neq null</c> is <see cref="Present"/>.</item>
/// <item>A positive comparison holds only for a present value: <c>Present AND test</c>.</item>
/// <item>A negated one (<c>neq</c>, <c>nin</c>, <c>ncontains</c>, <c>nstartsWith</c>,
/// <c>nendsWith</c>) holds for an absent value too: <c>Absent OR NOT test</c>. Each condition is
/// therefore two-valued, so <c>NOT</c> and the <c>all</c> quantifier mean what they say, even on
/// stores whose comparisons with a missing value are unknown rather than false.</item>
/// <item><c>in []</c> holds for nothing and <c>nin []</c> for everything; a list holds no null.</item>
/// <item>Substring tests are on text only and compare ordinally (code point by code point, a
/// U+0000 like any other character); the empty string is a substring, prefix and suffix of every
/// present text, so those tests become <see cref="Present"/> (or <see cref="Absent"/> negated).</item>
/// <item>Case-insensitive tests are on text only: the value is folded here by
/// <see cref="CaseFolding.Fold"/>, and the store folds the stored value the same way.</item>
/// <item>Dates compare as calendar dates, instants as instants, enums by their wire names;
/// the store keeps them so that its own comparison agrees.</item>
/// </list>
/// </summary>
public static class FilterRules
{
    /// <summary>The normal form of <paramref name="filter"/> on records of <paramref name="table"/>; no filter is a condition that always holds.</summary>
    public static Condition Normalise(Filter? filter, RecordTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return filter switch
        {
            null => new AllTerms([]),
            AllOf all => new AllTerms([.. all.Filters.Select(f => Normalise(f, table))]),
            AnyOf any => new AnyTerm([.. any.Filters.Select(f => Normalise(f, table))]),
            Compare compare => Comparison(compare, table),
            Related related => new RelatedTerm(
                related.Relation,
                related.Quantifier,
                Normalise(related.Filter, RecordFields.Of(table.Relation(related.Relation).Target))),
            _ => throw new NotSupportedException($"Filter {filter.GetType().Name} is not supported."),
        };
    }

    private static Condition Comparison(Compare compare, RecordTable table)
    {
        var field = table.Field(compare.Field);
        if (!field.Filterable)
        {
            throw new NotSupportedException($"{table.Name} cannot be filtered by '{field.Name}'.");
        }

        if (compare.Value is null)
        {
            return compare.Op switch
            {
                CompareOp.Eq => new Absent(field.Name),
                CompareOp.Neq => new Present(field.Name),
                _ => throw new ArgumentException($"{compare.Op} needs a value.", nameof(compare)),
            };
        }

        if (compare.IgnoreCase && field.Type is not FieldValueType.Text)
        {
            throw new NotSupportedException($"{field.Name} is not a string; it has no case to ignore.");
        }

        var (op, negated) = compare.Op switch
        {
            CompareOp.Eq => (ValueOp.Eq, false),
            CompareOp.Neq => (ValueOp.Eq, true),
            CompareOp.In => (ValueOp.In, false),
            CompareOp.Nin => (ValueOp.In, true),
            CompareOp.Gt => (ValueOp.Gt, false),
            CompareOp.Gte => (ValueOp.Gte, false),
            CompareOp.Lt => (ValueOp.Lt, false),
            CompareOp.Lte => (ValueOp.Lte, false),
            CompareOp.Contains => (ValueOp.Contains, false),
            CompareOp.NotContains => (ValueOp.Contains, true),
            CompareOp.StartsWith => (ValueOp.StartsWith, false),
            CompareOp.NotStartsWith => (ValueOp.StartsWith, true),
            CompareOp.EndsWith => (ValueOp.EndsWith, false),
            CompareOp.NotEndsWith => (ValueOp.EndsWith, true),
            _ => throw new NotSupportedException($"{compare.Op} is not supported."),
        };

        Condition test;
        if (op is ValueOp.In)
        {
            if (compare.Value is string or not IEnumerable)
            {
                throw new ArgumentException($"{compare.Op} on {field.Name} needs a list of values.", nameof(compare));
            }

            var values = ((IEnumerable)compare.Value).Cast<object?>()
                .Select(v => Value(field, v ?? throw new ArgumentException($"{compare.Op} on {field.Name}: a list holds no null.", nameof(compare)), compare.IgnoreCase))
                .ToArray();
            if (values.Length == 0)
            {
                // Equal to one of nothing: never; equal to none of nothing: always.
                return negated ? new AllTerms([]) : new AnyTerm([]);
            }

            test = new ValueTest(field, op, values, compare.IgnoreCase);
        }
        else
        {
            var value = Value(field, compare.Value, compare.IgnoreCase);
            if (op is ValueOp.Contains or ValueOp.StartsWith or ValueOp.EndsWith)
            {
                if (field.Type is not FieldValueType.Text)
                {
                    throw new NotSupportedException($"{field.Name} is not a string; it has no substrings.");
                }

                if (((string)value).Length == 0)
                {
                    // Every text holds the empty string, at its start and at its end.
                    return negated ? new Absent(field.Name) : new Present(field.Name);
                }
            }

            test = new ValueTest(field, op, value, compare.IgnoreCase);
        }

        return negated
            ? new AnyTerm([new Absent(field.Name), new NotTerm(test)])
            : new AllTerms([new Present(field.Name), test]);
    }

    /// <summary>The value as the field's type holds it, folded for a case-insensitive test.</summary>
    private static object Value(FieldSpec field, object value, bool fold)
    {
        object typed = field.Type switch
        {
            FieldValueType.Text => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!,
            FieldValueType.Boolean when value is bool => value,
            FieldValueType.Date when value is DateOnly => value,
            FieldValueType.DateTime when value is DateTimeOffset => value,
            FieldValueType.Enum when value is Enum => value,
            _ => throw new ArgumentException($"{field.Name} holds {field.Type} values, not {value.GetType().Name}.", nameof(value)),
        };
        return fold ? CaseFolding.Fold((string)typed) : typed;
    }
}
