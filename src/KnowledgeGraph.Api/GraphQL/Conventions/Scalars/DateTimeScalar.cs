using System.Globalization;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Scalars;

/// <summary>An instant with its UTC offset, ISO 8601 (the name HotChocolate uses).</summary>
public sealed class DateTimeScalar : IsoScalar<DateTimeOffset>
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "An instant in ISO 8601 form with its UTC offset, such as 2025-06-08T14:30:00+05:30.";
    }

    protected override DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (text.EndsWith('Z') || text.Length > 19 && text[^6] is '+' or '-')
            ? instant
            : throw new FormatException($"'{text}' is not a date-time with an offset, such as 2025-06-08T14:30:00Z.");

    protected override string Format(DateTimeOffset value) =>
        value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
