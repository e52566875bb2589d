using System.Globalization;

namespace KnowledgeGraph.Domain.Model;

/// <summary>
/// How stores keep an instant as text: UTC with seven fractional digits, so that text order is
/// time order and every tick round-trips; the original offset is kept beside it in minutes.
/// </summary>
public static class InstantText
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The UTC text of <paramref name="value"/>.</summary>
    public static string Write(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The instant of <paramref name="utc"/>, shown in its original offset.</summary>
    public static DateTimeOffset Read(string utc, long offsetMinutes)
    {
        var instant = DateTime.ParseExact(utc, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new DateTimeOffset(instant, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
    }
}
