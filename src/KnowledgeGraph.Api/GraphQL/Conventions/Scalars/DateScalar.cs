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

    protected override string Format(DateOnly value)
    {
        // Dates repeat across an answer (many statements share a day): the text of the last date
        // seen in each of 1,024 slots is kept, so a repeated date is written without a new string.
        var slot = value.DayNumber & (Recent.Length - 1);
        if (Recent[slot] is { } recent && recent.Day == value.DayNumber)
        {
            return recent.Text;
        }

        var text = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Recent[slot] = new Written(value.DayNumber, text);
        return text;
    }

    private static readonly Written?[] Recent = new Written?[1024];

    /// <summary>A date's text (immutable, so a slot is replaced whole and never read half-written).</summary>
    private sealed record Written(int Day, string Text);
}
