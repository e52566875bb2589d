using System.Globalization;
using System.Text.Json;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The rows of one successful Query API answer (<c>data.fields</c>, <c>data.values</c>).
/// Values are read through <see cref="QueryValues"/>, which accepts plain and typed JSON alike.
/// </summary>
internal sealed class QueryResult : IDisposable
{
    private readonly JsonDocument _document;
    private readonly Dictionary<string, int> _fields;

    public QueryResult(JsonDocument document, IReadOnlyList<string> fields, IReadOnlyList<JsonElement> rows)
    {
        _document = document;
        Fields = fields;
        Rows = rows;
        _fields = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            _fields[fields[i]] = i;
        }
    }

    public IReadOnlyList<string> Fields { get; }

    /// <summary>Each row is a JSON array, in the order of <see cref="Fields"/>.</summary>
    public IReadOnlyList<JsonElement> Rows { get; }

    /// <summary>The value of <paramref name="field"/> in row <paramref name="row"/>.</summary>
    public JsonElement Value(int row, string field) =>
        _fields.TryGetValue(field, out var index) && index < Rows[row].GetArrayLength()
            ? QueryValues.Unwrap(Rows[row][index])
            : throw new InvalidDataException($"The answer has no column '{field}'.");

    public void Dispose() => _document.Dispose();
}

/// <summary>
/// Reads values of both result formats: plain JSON (the default we ask for) and typed JSON
/// (<c>{"$type": "Integer", "_value": "42"}</c>), which a proxy or a newer server may send.
/// </summary>
internal static class QueryValues
{
    public static JsonElement Unwrap(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("$type", out _)
            && value.TryGetProperty("_value", out var inner)
            ? inner
            : value;

    public static bool IsNull(JsonElement value) =>
        Unwrap(value).ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>A property of a map value; undefined when absent.</summary>
    public static JsonElement Property(JsonElement map, string name)
    {
        var m = Unwrap(map);
        return m.ValueKind == JsonValueKind.Object && m.TryGetProperty(name, out var value) ? Unwrap(value) : default;
    }

    public static string? String(JsonElement map, string name) => String(Property(map, name));

    public static string? String(JsonElement value) => IsNull(value) ? null : Unwrap(value).GetString();

    public static string RequiredString(JsonElement map, string name) =>
        String(map, name) ?? throw new InvalidDataException($"The store returned no '{name}'.");

    public static long? Integer(JsonElement map, string name) => Integer(Property(map, name));

    public static long? Integer(JsonElement value)
    {
        var v = Unwrap(value);
        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetInt64(),
            JsonValueKind.String => long.Parse(v.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => throw new InvalidDataException($"Expected an integer, found {v.ValueKind}."),
        };
    }

    public static bool? Boolean(JsonElement map, string name)
    {
        var v = Property(map, name);
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => throw new InvalidDataException($"Expected a boolean for '{name}', found {v.ValueKind}."),
        };
    }

    public static IReadOnlyList<JsonElement> List(JsonElement value)
    {
        var v = Unwrap(value);
        return v.ValueKind switch
        {
            JsonValueKind.Array => v.EnumerateArray().Select(Unwrap).ToArray(),
            JsonValueKind.Null or JsonValueKind.Undefined => [],
            _ => throw new InvalidDataException($"Expected a list, found {v.ValueKind}."),
        };
    }

    public static IReadOnlyList<JsonElement> List(JsonElement map, string name) => List(Property(map, name));

    public static string[] Strings(JsonElement map, string name) =>
        List(map, name).Select(e => String(e) ?? throw new InvalidDataException($"'{name}' holds a null.")).ToArray();
}
