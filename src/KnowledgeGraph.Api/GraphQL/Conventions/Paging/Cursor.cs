using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQL;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Paging;

/// <summary>
/// Relay cursors: Base64 of the item's index, as HotChocolate issues them; or, for lists paged by
/// sort values (<see cref="SortPosition"/>), Base64 of the JSON array of the item's sort values
/// and tie-break key.
/// </summary>
internal static class Cursor
{
    public static string Encode(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture)));

    public static string Encode(SortPosition position) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(position.Values));

    /// <summary>The cursor of the item at <paramref name="i"/> of <paramref name="page"/>.</summary>
    public static string Of<T>(Page<T> page, int i) => page.Positions is { } positions ? Encode(positions[i]) : Encode(page.Offset + i);

    public static int Decode(string? cursor, string argument) =>
        DecodeAny(cursor, argument) is { Index: { } index } ? index : throw Invalid(cursor, argument);

    /// <summary>An index or a position; anything else is an <c>INVALID_CURSOR</c> error.</summary>
    public static (int? Index, SortPosition? Position) DecodeAny(string? cursor, string argument)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor ?? string.Empty));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return (index, null);
            }

            if (text.StartsWith('[') && ReadPosition(text) is { } position)
            {
                return (null, position);
            }
        }
        catch (FormatException)
        {
        }

        throw Invalid(cursor, argument);
    }

    public static ExecutionError Invalid(string? cursor, string argument) =>
        ErrorCodes.Error(ErrorCodes.InvalidCursor, $"The cursor '{cursor}' given as '{argument}' is not a cursor issued by this API.");

    private static SortPosition? ReadPosition(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 2 });
            if (document.RootElement.GetArrayLength() is 0 or > 16)
            {
                return null;
            }

            var values = new List<object?>();
            foreach (var value in document.RootElement.EnumerateArray())
            {
                switch (value.ValueKind)
                {
                    case JsonValueKind.Null:
                        values.Add(null);
                        break;
                    case JsonValueKind.String:
                        values.Add(value.GetString());
                        break;
                    case JsonValueKind.Number when value.TryGetInt64(out var whole):
                        values.Add(whole);
                        break;
                    default:
                        return null;
                }
            }

            return new SortPosition(values);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string holding a lone surrogate.
            return null;
        }
    }
}
