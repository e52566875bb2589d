using System.Globalization;

namespace KnowledgeGraph.Domain.Model;

/// <summary>
/// How a calendar date is written wherever it is text (the stores, the import format, time
/// buckets): ISO 8601 <c>yyyy-MM-dd</c>, whose text order is date order.
/// </summary>
public static class DateText
{
    private const string Format = "yyyy-MM-dd";

    /// <summary>The <c>yyyy-MM-dd</c> text of <paramref name="value"/>.</summary>
    public static string Write(DateOnly value) => value.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The date <paramref name="text"/> spells; throws <see cref="FormatException"/> on anything but <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly Read(string text) => DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

    /// <summary>
    /// <see cref="Read(string)"/> for the UTF-8 bytes a store holds, without making a string of
    /// them; throws <see cref="FormatException"/> on anything but <c>yyyy-MM-dd</c>.
    /// </summary>
    public static DateOnly Read(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[Format.Length];
        return utf8.Length == Format.Length && System.Text.Ascii.ToUtf16(utf8, chars, out _) == System.Buffers.OperationStatus.Done
            ? DateOnly.ParseExact(chars, Format, CultureInfo.InvariantCulture)
            : throw new FormatException($"'{System.Text.Encoding.UTF8.GetString(utf8)}' is not a date written yyyy-MM-dd.");
    }
}
