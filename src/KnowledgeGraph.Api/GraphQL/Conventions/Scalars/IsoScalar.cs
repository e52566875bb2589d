using GraphQL.Types;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Scalars;

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
