using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// An exact, culture-free text for a relation's arguments, so that two fields of one request
/// share a store call exactly when their filters, sort orders and pages are the same. Every value
/// is written with its type and in full (a <see cref="DateTimeOffset"/> as its UTC ticks and its
/// offset, a string JSON-quoted), so two different arguments never get the same text; a value of
/// a type it does not know is refused rather than guessed at.
/// </summary>
internal static class LoaderKey
{
    /// <summary>The key of one relation with one set of arguments.</summary>
    public static string Of(string relation, Filter? where, IReadOnlyList<SortField> order, PageRequest page)
    {
        var key = new StringBuilder("expand:");
        String(key, relation);
        key.Append(";where:");
        Write(key, where);
        key.Append(";order:[");
        foreach (var sort in order)
        {
            String(key, sort.Field);
            key.Append(sort.Descending ? " desc," : " asc,");
        }

        key.Append("];page:");
        Number(key, page.First).Append(',');
        Number(key, page.Last).Append(',');
        Number(key, page.After).Append(',');
        Number(key, page.Before).Append(',').Append(page.IncludeTotalCount ? "count" : "nocount");
        key.Append(";parts:").Append((int)page.Parts);
        return key.ToString();
    }

    /// <summary>The exact text of a filter.</summary>
    public static string Of(Filter? filter)
    {
        var key = new StringBuilder();
        Write(key, filter);
        return key.ToString();
    }

    private static void Write(StringBuilder key, Filter? filter)
    {
        switch (filter)
        {
            case null:
                key.Append("null");
                break;
            case AllOf all:
                List(key.Append("and"), all.Filters);
                break;
            case AnyOf any:
                List(key.Append("or"), any.Filters);
                break;
            case Compare compare:
                key.Append("cmp(");
                String(key, compare.Field);
                key.Append(',').Append(compare.Op.ToString()).Append(',');
                Value(key, compare.Value);
                key.Append(')');
                break;
            case Related related:
                key.Append("rel(");
                String(key, related.Relation);
                key.Append(',').Append(related.Quantifier.ToString()).Append(',');
                Write(key, related.Filter);
                key.Append(')');
                break;
            default:
                throw new NotSupportedException($"A {filter.GetType().Name} filter has no loader key.");
        }
    }

    private static void List(StringBuilder key, IReadOnlyList<Filter> filters)
    {
        key.Append('(');
        foreach (var filter in filters)
        {
            Write(key, filter);
            key.Append(',');
        }

        key.Append(')');
    }

    private static void Value(StringBuilder key, object? value)
    {
        var c = CultureInfo.InvariantCulture;
        switch (value)
        {
            case null:
                key.Append("null");
                break;
            case string s:
                key.Append("s:");
                String(key, s);
                break;
            case bool b:
                key.Append(b ? "b:true" : "b:false");
                break;
            case int i:
                key.Append("i:").Append(i.ToString(c));
                break;
            case long l:
                key.Append("l:").Append(l.ToString(c));
                break;
            case DateOnly date:
                key.Append("d:").Append(date.DayNumber.ToString(c));
                break;
            case DateTimeOffset instant:
                key.Append("t:").Append(instant.UtcTicks.ToString(c)).Append('/').Append(instant.Offset.Ticks.ToString(c));
                break;
            case Enum e:
                key.Append("e:").Append(e.GetType().FullName).Append('.').Append(Convert.ToInt64(e, c).ToString(c));
                break;
            case IEnumerable list:
                key.Append('[');
                foreach (var item in list)
                {
                    Value(key, item);
                    key.Append(',');
                }

                key.Append(']');
                break;
            default:
                throw new NotSupportedException($"A {value.GetType().Name} filter value has no loader key.");
        }
    }

    private static StringBuilder Number(StringBuilder key, int? value) =>
        value is { } n ? key.Append(n.ToString(CultureInfo.InvariantCulture)) : key.Append('-');

    // JSON quoting escapes quotes, backslashes and control characters, so a string's text can
    // never run into the text around it.
    private static void String(StringBuilder key, string value) => key.Append(JsonSerializer.Serialize(value));
}
