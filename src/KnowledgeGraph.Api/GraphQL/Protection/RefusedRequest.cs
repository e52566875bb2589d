using GraphQL;

namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// A request refused before it runs: the code, what was wrong, where in the document (line and
/// column, 1-based) when the document is the cause, and the status to answer.
/// </summary>
internal sealed record RefusedRequest(string Code, string Message, int? Line = null, int? Column = null, int Status = StatusCodes.Status400BadRequest)
{
    /// <summary>A refusal located at character <paramref name="offset"/> of <paramref name="text"/>.</summary>
    public static RefusedRequest At(string text, int offset, string code, string message)
    {
        var (line, column) = Position(text, offset);
        return new RefusedRequest(code, $"{message} (line {line}, column {column})", line, column);
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/>; a CR LF pair ends one line.</summary>
    public static (int Line, int Column) Position(string text, int offset)
    {
        var (line, lineStart) = (1, 0);
        offset = Math.Clamp(offset, 0, text.Length);
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    /// <summary>The error as the client sees it.</summary>
    public ExecutionError ToError()
    {
        var error = ErrorCodes.Error(Code, Message);
        if (Line is { } line && Column is { } column)
        {
            error.AddLocation(new GraphQLParser.Location(line, column));
        }

        return error;
    }
}

/// <summary>Thrown where a refusal is found deep in a walk; the endpoint answers it as a <see cref="RefusedRequest"/>.</summary>
internal sealed class RequestRefusedException(RefusedRequest refusal) : Exception(refusal.Message)
{
    public RefusedRequest Refusal { get; } = refusal;
}
