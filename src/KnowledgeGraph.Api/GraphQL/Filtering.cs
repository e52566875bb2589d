using System.Collections;
using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// Turns a client's <c>where</c> input (already coerced by GraphQL.NET into dictionaries) into
/// the domain's <see cref="Filter"/>. Each feature says how its own fields translate; the
/// HotChocolate conventions (<c>and</c>, <c>or</c>, operation inputs, <c>some</c>/<c>none</c>/<c>all</c>/<c>any</c>) live here.
/// </summary>
internal static class FilterReader
{
    /// <summary>How one field of an object filter input translates.</summary>
    public delegate Filter? FieldTranslator(string name, object? value, string path);

    public static Filter? Object(object? input, string path, FieldTranslator field, bool nullValues = false)
    {
        if (input is null)
        {
            return null;
        }

        if (input is not IDictionary<string, object?> fields)
        {
            throw Invalid(path, "expected an input object.");
        }

        var parts = new List<Filter>();
        foreach (var (name, value) in fields)
        {
            var at = $"{path}.{name}";
            switch (name)
            {
                case "and":
                    parts.Add(new AllOf(Items(value, at).Select((v, i) => Object(v, $"{at}[{i}]", field) ?? new AllOf([])).ToArray()));
                    break;
                case "or":
                    parts.Add(new AnyOf(Items(value, at).Select((v, i) => Object(v, $"{at}[{i}]", field) ?? new AllOf([])).ToArray()));
                    break;
                default:
                    if (value is null && !nullValues)
                    {
                        throw Invalid(at, "null is not a filter; leave the field out instead.");
                    }

                    if (field(name, value, at) is { } part)
                    {
                        parts.Add(part);
                    }

                    break;
            }
        }

        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new AllOf(parts),
        };
    }

    /// <summary>A scalar operation input (<c>{eq: …, in: […]}</c>) on one domain field.</summary>
    public static Filter? Operations(string domainField, object? input, string path, Func<object?, string, object?>? convert = null)
    {
        convert ??= (value, _) => value;
        return Object(input, path, (op, value, at) =>
        {
            object? One() => convert(value, at);
            object List() => Items(NotNull(value, at), at)
                .Select((v, i) => convert(v, $"{at}[{i}]") ?? throw Invalid($"{at}[{i}]", "null is not allowed in a list."))
                .ToArray();
            return op switch
            {
                "eq" => new Compare(domainField, CompareOp.Eq, One()),
                "neq" => new Compare(domainField, CompareOp.Neq, One()),
                "in" => new Compare(domainField, CompareOp.In, List()),
                "nin" => new Compare(domainField, CompareOp.Nin, List()),
                "contains" => new Compare(domainField, CompareOp.Contains, NotNull(One(), at)),
                "ncontains" => new Compare(domainField, CompareOp.NotContains, NotNull(One(), at)),
                "startsWith" => new Compare(domainField, CompareOp.StartsWith, NotNull(One(), at)),
                "nstartsWith" => new Compare(domainField, CompareOp.NotStartsWith, NotNull(One(), at)),
                "endsWith" => new Compare(domainField, CompareOp.EndsWith, NotNull(One(), at)),
                "nendsWith" => new Compare(domainField, CompareOp.NotEndsWith, NotNull(One(), at)),
                "gt" => new Compare(domainField, CompareOp.Gt, NotNull(One(), at)),
                "gte" => new Compare(domainField, CompareOp.Gte, NotNull(One(), at)),
                "lt" => new Compare(domainField, CompareOp.Lt, NotNull(One(), at)),
                "lte" => new Compare(domainField, CompareOp.Lte, NotNull(One(), at)),
                _ => throw Invalid(at, $"'{op}' is not an operation."),
            };
        },
        nullValues: true);
    }

    /// <summary>An <c>IdOperationFilterInput</c>: global ids of <paramref name="type"/>, compared as keys.</summary>
    public static Filter? Ids(NodeType type, object? input, string path) =>
        Operations(Fields.Key, input, path, (value, at) => value is null ? null : KeyOf(type, value, at));

    /// <summary>A list filter (<c>{some: …, none: …, all: …, any: true}</c>) over a to-many relation.</summary>
    public static Filter? List(string relation, object? input, string path, Func<object?, string, Filter?> inner) =>
        Object(input, path, (op, value, at) => op switch
        {
            "some" => new Related(relation, Quantifier.Some, inner(value, at) ?? new AllOf([])),
            "none" => new Related(relation, Quantifier.None, inner(value, at) ?? new AllOf([])),
            "all" => new Related(relation, Quantifier.All, inner(value, at) ?? new AllOf([])),
            "any" => new Related(relation, value is true ? Quantifier.Some : Quantifier.None, new AllOf([])),
            _ => throw Invalid(at, $"'{op}' is not a list operation."),
        });

    /// <summary>A to-one relation filter.</summary>
    public static Filter? One(string relation, Filter? inner) =>
        new Related(relation, Quantifier.Is, inner ?? new AllOf([]));

    public static string KeyOf(NodeType type, object? value, string path)
    {
        if (value is not string id)
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidId, $"{path}: expected an ID.");
        }

        if (!NodeId.TryDecode(id, out var nodeId, out var error))
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidId, $"{path}: {error}");
        }

        if (nodeId.Type != type)
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidId, $"{path}: the id '{id}' is a {nodeId.Type} id; expected a {type} id.");
        }

        return nodeId.Key;
    }

    public static ExecutionError Invalid(string path, string message) =>
        ErrorCodes.Error(ErrorCodes.InvalidFilter, $"{path}: {message}");

    private static object NotNull(object? value, string path) =>
        value ?? throw Invalid(path, "null is only allowed with 'eq' and 'neq'.");

    private static IEnumerable<object?> Items(object? value, string path) =>
        value is IEnumerable items and not string and not IDictionary<string, object?>
            ? items.Cast<object?>()
            : throw Invalid(path, "expected a list.");
}

/// <summary>Reads an <c>order</c> argument into sort fields.</summary>
internal static class SortReader
{
    public static IReadOnlyList<SortField> Read(object? input, string path, IReadOnlyList<SortOption> sorts)
    {
        if (input is null)
        {
            return [];
        }

        var result = new List<SortField>();
        var index = 0;
        foreach (var item in (IEnumerable)input)
        {
            if (item is IDictionary<string, object?> entry)
            {
                foreach (var (name, direction) in entry)
                {
                    if (direction is null)
                    {
                        continue;
                    }

                    var sort = sorts.FirstOrDefault(s => s.Name == name)
                        ?? throw FilterReader.Invalid($"{path}[{index}].{name}", "is not sortable.");
                    result.Add(new SortField(sort.Field, direction is SortDirection.Desc));
                }
            }

            index++;
        }

        return result;
    }
}

/// <summary>Sort directions, as HotChocolate names them.</summary>
public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>The <c>SortEnumType</c> enum.</summary>
internal sealed class SortEnumType : EnumerationGraphType<SortDirection>
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "The direction of a sort. Values that are not known sort last in both directions.";
        Values["ASC"]!.Description = "Ascending: smallest, earliest or A first.";
        Values["DESC"]!.Description = "Descending: largest, latest or Z first.";
    }
}

/// <summary>An object filter input: its own fields plus <c>and</c> and <c>or</c> over itself.</summary>
internal abstract class FilterInputType<TSelf> : InputObjectGraphType
    where TSelf : FilterInputType<TSelf>
{
    protected FilterInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<ListGraphType<NonNullGraphType<TSelf>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<TSelf>>>("or").Description("At least one of these conditions holds.");
    }
}

/// <summary>Conditions on a list of records, named after its item filter (<c>ListPlaceFilterInput</c>).</summary>
internal sealed class ListFilterInput<TItemFilter> : InputObjectGraphType
    where TItemFilter : IInputObjectGraphType
{
    public ListFilterInput()
    {
        var item = typeof(TItemFilter).Name[..^"FilterInput".Length];
        var noun = item.ToLowerInvariant();
        Name = $"List{item}FilterInput";
        Description = $"Conditions on a list of {noun}s.";
        Field<TItemFilter>("all").Description($"Every {noun} in the list matches (true for an empty list).");
        Field<TItemFilter>("none").Description($"No {noun} in the list matches.");
        Field<TItemFilter>("some").Description($"At least one {noun} in the list matches.");
        Field<BooleanGraphType>("any").Description("The list is not empty (true) or is empty (false).");
    }
}

/// <summary>Operations on a string field. Comparisons are ordinal and case-sensitive.</summary>
internal sealed class StringOperationFilterInput : InputObjectGraphType
{
    public StringOperationFilterInput()
    {
        Description = "Conditions on a string. Comparisons are exact: ordinal and case-sensitive.";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInput>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInput>>>("or").Description("At least one of these conditions holds.");
        Field<StringGraphType>("eq").Description("Equals this string (null: the value is absent).");
        Field<StringGraphType>("neq").Description("Differs from this string, or is absent (null: the value is present).");
        Field<StringGraphType>("contains").Description("Contains this substring.");
        Field<StringGraphType>("ncontains").Description("Does not contain this substring, or is absent.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("in").Description("Equals one of these strings.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("nin").Description("Equals none of these strings, or is absent.");
        Field<StringGraphType>("startsWith").Description("Starts with this string.");
        Field<StringGraphType>("nstartsWith").Description("Does not start with this string, or is absent.");
        Field<StringGraphType>("endsWith").Description("Ends with this string.");
        Field<StringGraphType>("nendsWith").Description("Does not end with this string, or is absent.");
    }
}

/// <summary>Operations on an id field.</summary>
internal sealed class IdOperationFilterInput : InputObjectGraphType
{
    public IdOperationFilterInput()
    {
        Description = "Conditions on a global id.";
        Field<IdGraphType>("eq").Description("Is this id.");
        Field<IdGraphType>("neq").Description("Is not this id.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("in").Description("Is one of these ids.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("nin").Description("Is none of these ids.");
    }
}

/// <summary>Operations on a boolean field.</summary>
internal sealed class BooleanOperationFilterInput : InputObjectGraphType
{
    public BooleanOperationFilterInput()
    {
        Description = "Conditions on a boolean.";
        Field<BooleanGraphType>("eq").Description("Equals this value.");
        Field<BooleanGraphType>("neq").Description("Differs from this value.");
    }
}

/// <summary>Comparisons on an ordered scalar (dates and date-times).</summary>
internal sealed class ComparableOperationFilterInput<TScalar> : InputObjectGraphType
    where TScalar : ScalarGraphType
{
    public ComparableOperationFilterInput()
    {
        var scalar = typeof(TScalar) == typeof(DateScalar) ? "Date" : "DateTime";
        Name = scalar + "OperationFilterInput";
        Description = $"Conditions on a {scalar}. A value that is not known matches only 'neq', 'nin' and 'eq: null'.";
        Field<ListGraphType<NonNullGraphType<ComparableOperationFilterInput<TScalar>>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<ComparableOperationFilterInput<TScalar>>>>("or").Description("At least one of these conditions holds.");
        Field<TScalar>("eq").Description("Equals this value (null: the value is not known).");
        Field<TScalar>("neq").Description("Differs from this value or is not known (null: the value is known).");
        Field<ListGraphType<NonNullGraphType<TScalar>>>("in").Description("Equals one of these values.");
        Field<ListGraphType<NonNullGraphType<TScalar>>>("nin").Description("Equals none of these values, or is not known.");
        Field<TScalar>("gt").Description("Is later than this value.");
        Field<TScalar>("gte").Description("Is this value or later.");
        Field<TScalar>("lt").Description("Is earlier than this value.");
        Field<TScalar>("lte").Description("Is this value or earlier.");
    }
}

/// <summary>Operations on an enum field.</summary>
internal sealed class EnumOperationFilterInput<TEnumType> : InputObjectGraphType
    where TEnumType : EnumerationGraphType, new()
{
    public EnumOperationFilterInput()
    {
        var name = new TEnumType().Name;
        Name = name + "OperationFilterInput";
        Description = $"Conditions on a {name}.";
        Field<TEnumType>("eq").Description("Equals this value.");
        Field<TEnumType>("neq").Description("Differs from this value.");
        Field<ListGraphType<NonNullGraphType<TEnumType>>>("in").Description("Equals one of these values.");
        Field<ListGraphType<NonNullGraphType<TEnumType>>>("nin").Description("Equals none of these values.");
    }
}
