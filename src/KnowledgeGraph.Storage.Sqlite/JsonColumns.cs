using System.Text.Json;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Reads one element of a JSON array column (<see cref="JsonColumns.Array{T, TState}"/>).</summary>
/// <param name="json">The reader, on the element's first token; the element is read to its last token.</param>
/// <param name="state">What the caller passes along (e.g. the row's key).</param>
internal delegate T JsonElementReader<out T, in TState>(ref Utf8JsonReader json, TState state);

/// <summary>
/// Decodes the JSON array columns (lists stored as JSON, and the <c>json_group_array</c> of
/// related rows) straight from the UTF-8 bytes SQLite holds for the current row: no .NET string
/// of the whole JSON, no document, no list grown and copied; only the values themselves are
/// allocated. The arrays are counted first, then filled.
/// </summary>
internal static class JsonColumns
{
    /// <summary>A JSON array of strings (null elements stay null).</summary>
    public static string[] Strings(SqliteRow row, int ordinal) =>
        Array(row, ordinal, 0, static (ref json, _) => json.TokenType == JsonTokenType.Null ? null! : json.GetString()!);

    /// <summary>A JSON array whose elements <paramref name="element"/> reads.</summary>
    public static T[] Array<T, TState>(SqliteRow row, int ordinal, TState state, JsonElementReader<T, TState> element)
    {
        var utf8 = row.GetUtf8(ordinal);
        var json = new Utf8JsonReader(utf8);
        if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Column {ordinal} does not hold a JSON array.");
        }

        var count = 0;
        for (var counting = json; counting.Read() && counting.TokenType != JsonTokenType.EndArray; count++)
        {
            counting.Skip();
        }

        if (count == 0)
        {
            return [];
        }

        var result = new T[count];
        for (var i = 0; i < count; i++)
        {
            json.Read();
            result[i] = element(ref json, state);
        }

        return result;
    }

    /// <summary>Moves into an element that is itself an array.</summary>
    public static void Enter(ref Utf8JsonReader json)
    {
        if (json.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a JSON array.");
        }
    }

    /// <summary>The next value of the inner array: a string or null.</summary>
    public static string? NextString(ref Utf8JsonReader json)
    {
        json.Read();
        return json.TokenType == JsonTokenType.Null ? null : json.GetString();
    }

    /// <summary>The next value of the inner array: an integer or null.</summary>
    public static long? NextInteger(ref Utf8JsonReader json)
    {
        json.Read();
        return json.TokenType == JsonTokenType.Null ? null : json.GetInt64();
    }

    /// <summary>Leaves the inner array, which must end here.</summary>
    public static void Leave(ref Utf8JsonReader json)
    {
        json.Read();
        if (json.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A JSON array holds more values than expected.");
        }
    }
}
