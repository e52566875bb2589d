using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Paging;

/// <summary>Relay cursors: Base64 of the item's index, as HotChocolate issues them.</summary>
internal static class Cursor
{
    public static string Encode(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string? cursor, string argument)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor ?? string.Empty));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return index;
            }
        }
        catch (FormatException)
        {
        }

        throw ErrorCodes.Error(ErrorCodes.InvalidCursor, $"The cursor '{cursor}' given as '{argument}' is not a cursor issued by this API.");
    }
}
