using System.Globalization;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Scalars;

/// <summary>A calendar date, <c>YYYY-MM-DD</c> (the name HotChocolate uses).</summary>
public sealed class DateScalar : IsoScalar<DateOnly>
{
    public DateScalar()
    {
        Name = "Date";
        Description = "A calendar date in ISO 8601 form, YYYY-MM-DD.";
    }

    protected override DateOnly Parse(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a date; expected YYYY-MM-DD.");

    protected override string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
