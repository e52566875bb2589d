using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>A scalar written as an ISO 8601 string: parsed from literals and variables, written back as text.</summary>
public abstract class IsoScalar<T> : ScalarGraphType
    where T : struct
{
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => Parse((string)s.Value),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Parse(s),
        T parsed => parsed,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        T typed => Format(typed),
        _ => ThrowSerializationError(value),
    };

    /// <summary>The value of <paramref name="text"/>, or a <see cref="FormatException"/> that says what is expected.</summary>
    protected abstract T Parse(string text);

    /// <summary>The ISO 8601 text of <paramref name="value"/>.</summary>
    protected abstract string Format(T value);
}

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
