using System.Collections;
using GraphQL;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

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

    /// <summary>
    /// Translates a filter input from its declared fields (<see cref="IDeclaredFilter.Declared"/>):
    /// the same declaration the input graph type is made from.
    /// </summary>
    public static Filter? Declared<TInput>(object? input, string path)
        where TInput : IDeclaredFilter =>
        Object(input, path, (name, value, at) => DeclaredFields<TInput>.ByName.TryGetValue(name, out var field)
            ? field.Translate(value, at)
            : throw Invalid(at, $"is not a field of {typeof(TInput).Name}."));

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
                "eqIgnoreCase" => Folded(domainField, CompareOp.Eq, NotNull(One(), at)),
                "neqIgnoreCase" => Folded(domainField, CompareOp.Neq, NotNull(One(), at)),
                "inIgnoreCase" => Folded(domainField, CompareOp.In, List()),
                "ninIgnoreCase" => Folded(domainField, CompareOp.Nin, List()),
                "containsIgnoreCase" => Folded(domainField, CompareOp.Contains, NotNull(One(), at)),
                "ncontainsIgnoreCase" => Folded(domainField, CompareOp.NotContains, NotNull(One(), at)),
                "startsWithIgnoreCase" => Folded(domainField, CompareOp.StartsWith, NotNull(One(), at)),
                "nstartsWithIgnoreCase" => Folded(domainField, CompareOp.NotStartsWith, NotNull(One(), at)),
                "endsWithIgnoreCase" => Folded(domainField, CompareOp.EndsWith, NotNull(One(), at)),
                "nendsWithIgnoreCase" => Folded(domainField, CompareOp.NotEndsWith, NotNull(One(), at)),
                "ngt" => NotOrAbsent(domainField, CompareOp.Lte, NotNull(One(), at)),
                "ngte" => NotOrAbsent(domainField, CompareOp.Lt, NotNull(One(), at)),
                "nlt" => NotOrAbsent(domainField, CompareOp.Gte, NotNull(One(), at)),
                "nlte" => NotOrAbsent(domainField, CompareOp.Gt, NotNull(One(), at)),
                _ => throw Invalid(at, $"'{op}' is not an operation."),
            };
        },
        nullValues: true);
    }

    /// <summary>A case-insensitive string comparison (the <c>…IgnoreCase</c> operations).</summary>
    private static Compare Folded(string domainField, CompareOp op, object value) =>
        new(domainField, op, value) { IgnoreCase = true };

    /// <summary>
    /// A negated comparison (<c>ngt</c>, <c>ngte</c>, <c>nlt</c>, <c>nlte</c>) as HotChocolate means it:
    /// <c>NOT (field &gt; v)</c>, which holds for an absent value as <c>neq</c> does. On an ordered
    /// scalar that is "absent, or the complementary comparison holds".
    /// </summary>
    private static AnyOf NotOrAbsent(string domainField, CompareOp complement, object value) =>
        new([new Compare(domainField, CompareOp.Eq, null), new Compare(domainField, complement, value)]);

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

/// <summary>The declared fields of a filter input by name, built once per input type.</summary>
file static class DeclaredFields<TInput>
    where TInput : IDeclaredFilter
{
    public static readonly IReadOnlyDictionary<string, FilterField> ByName =
        TInput.Declared.ToDictionary(f => f.Name, StringComparer.Ordinal);
}
