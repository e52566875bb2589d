using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// Parses a document only once it is known to be within the limits, and checks the parsed
/// document before GraphQL.NET validates it: the scanner bounds tokens and nesting in one
/// loop, the parser then cannot recurse deeper than the nesting, and <see cref="DocumentGuard"/>
/// bounds what validation and execution would expand. Any refusal is a 400 with a code and
/// the line and column it concerns.
/// </summary>
internal sealed class RequestGuard(IDocumentBuilder documentBuilder, IOptions<GraphQLOptions> options)
{
    /// <summary>The parsed document; throws <see cref="RequestRefusedException"/> for one outside the limits or one that does not parse.</summary>
    public GraphQLDocument Parse(string query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!UnicodeText.IsValid(query))
        {
            throw new RequestRefusedException(new RefusedRequest(ErrorCodes.InvalidUnicode, "The text of 'query' is not valid Unicode: it holds a lone surrogate."));
        }

        if (DocumentScanner.Scan(query, settings, cancellationToken) is { } tooLarge)
        {
            throw new RequestRefusedException(tooLarge);
        }

        GraphQLDocument document;
        try
        {
            document = documentBuilder.Build(query);
        }
        catch (GraphQLParserException e)
        {
            // The parser's own depth limit (GraphQLMaxDepthExceededException) and any other
            // parser failure are syntax errors of the client's document, never a server fault.
            var message = e is GraphQLMaxDepthExceededException
                ? "Error parsing query: the document nests deeper than the parser allows."
                : $"Error parsing query: {e.Description}";
            throw new RequestRefusedException(new RefusedRequest(ErrorCodes.SyntaxError, $"{message} (line {e.Location.Line}, column {e.Location.Column})", e.Location.Line, e.Location.Column));
        }
        catch (ExecutionError e)
        {
            var location = e.Locations is { Count: > 0 } locations ? locations[0] : (GraphQLParser.Location?)null;
            throw new RequestRefusedException(new RefusedRequest(e.Code ?? ErrorCodes.SyntaxError, e.Message, location?.Line, location?.Column));
        }

        if (DocumentGuard.Check(document, query, settings, cancellationToken) is { } refusal)
        {
            throw new RequestRefusedException(refusal);
        }

        return document;
    }
}
