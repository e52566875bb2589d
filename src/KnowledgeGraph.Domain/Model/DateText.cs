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
}
