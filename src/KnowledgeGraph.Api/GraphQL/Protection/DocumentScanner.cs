
namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// One pass over a document's text before the parser sees it, in a loop with no recursion:
/// counts its tokens and how deep its braces, brackets and parentheses nest, so that neither
/// the parser nor any later walk meets a document larger or deeper than the limits.
/// </summary>
/// <remarks>
/// The tokens are counted as the GraphQL lexer would cut them (names, numbers, strings,
/// block strings, punctuators; commas, white space and comments are not tokens). Text the
/// lexer would refuse is counted one character a token; the parser reports it afterwards.
/// </remarks>
internal static class DocumentScanner
{
    private const int CancellationStride = 4096;

    /// <summary>The refusal for <paramref name="text"/>, or null when it is within the limits.</summary>
    public static RefusedRequest? Scan(string text, GraphQLOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (tokens, depth, deepest) = (0, 0, 0);
        var i = 0;
        var nextCheck = CancellationStride;
        while (i < text.Length)
        {
            if (i >= nextCheck)
            {
                cancellationToken.ThrowIfCancellationRequested();
                nextCheck = i + CancellationStride;
            }

            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r' or ',' or '\uFEFF')
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                while (i < text.Length && text[i] is not ('\n' or '\r'))
                {
                    i++;
                }

                continue;
            }

            var start = i;
            if (c == '"')
            {
                i = SkipString(text, i);
            }
            else if (c is '{' or '[' or '(')
            {
                i++;
                if (++depth > deepest)
                {
                    deepest = depth;
                    if (options.MaxNesting > 0 && depth > options.MaxNesting)
                    {
                        return RefusedRequest.At(text, start, ErrorCodes.MaxNestingExceeded,
                            $"Braces, brackets and parentheses nest deeper than {options.MaxNesting} here.");
                    }
                }
            }
            else if (c is '}' or ']' or ')')
            {
                i++;
                depth = Math.Max(depth - 1, 0);
            }
            else if (c == '.' && i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.')
            {
                i += 3;
            }
            else if (IsNamePart(c) || c == '-')
            {
                i++;
                while (i < text.Length && (IsNamePart(text[i]) || text[i] is '.' or '+' or '-'))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            if (++tokens > options.MaxTokens && options.MaxTokens > 0)
            {
                return RefusedRequest.At(text, start, ErrorCodes.DocumentTooLarge,
                    $"The document has more than {options.MaxTokens} tokens.");
            }
        }

        return null;
    }

    private static bool IsNamePart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    /// <summary>The index after the string or block string that starts at <paramref name="i"/>.</summary>
    private static int SkipString(string text, int i)
    {
        if (i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"')
        {
            i += 3;
            while (i < text.Length)
            {
                if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == '"' && text[i + 2] == '"' && text[i + 3] == '"')
                {
                    i += 4;
                }
                else if (text[i] == '"' && i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"')
                {
                    return i + 3;
                }
                else
                {
                    i++;
                }
            }

            return i;
        }

        i++;
        while (i < text.Length && text[i] is not ('"' or '\n' or '\r'))
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i + 1, text.Length);
    }
}
