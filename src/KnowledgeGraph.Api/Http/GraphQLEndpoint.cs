using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Domain.Ports;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// GraphQL over HTTP (graphql/graphql-over-http): POST with a JSON body, GET for queries only,
/// <c>application/graphql-response+json</c> unless the client accepts only <c>application/json</c>.
/// A request that cannot run (malformed body, syntax or validation error, bad variables) is a
/// 4xx with errors that say what was wrong and where; never a 500 and never a stack trace.
/// </summary>
internal sealed partial class GraphQLEndpoint(
    IDocumentExecuter<KnowledgeGraphSchema> executer,
    IGraphQLTextSerializer serializer,
    IGraphStore store,
    IOptions<GraphQLOptions> options,
    ILogger<GraphQLEndpoint> logger)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    /// <summary>The response header that reports the store round trips of the request.</summary>
    public const string RoundTripsHeader = "KG-Store-Round-Trips";

    public async Task HandleAsync(HttpContext http)
    {
        var mediaType = Negotiate(http.Request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, GraphQLResponseMediaType, StatusCodes.Status406NotAcceptable,
                $"This endpoint answers with {GraphQLResponseMediaType} or {JsonMediaType}; the Accept header allows neither.");
            return;
        }

        GraphQLHttpRequest request;
        try
        {
            request = HttpMethods.IsPost(http.Request.Method)
                ? await ReadPostAsync(http)
                : GraphQLHttpRequest.Parse(http.Request.Query);
            if (HttpMethods.IsGet(http.Request.Method) && IsMutation(request))
            {
                http.Response.Headers.Allow = "POST";
                throw new BadRequestException("Mutations are not allowed over GET; send them with POST.", StatusCodes.Status405MethodNotAllowed);
            }
        }
        catch (BadRequestException e)
        {
            await WriteErrorAsync(http, mediaType, e.StatusCode, e.Message);
            return;
        }

        var settings = options.Value;
        using var scope = RoundTripCounter.BeginScope();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables is { } variables ? serializer.ReadNode<Inputs>(variables) : null,
            Extensions = request.Extensions is { } extensions ? serializer.ReadNode<Inputs>(extensions) : null,
            RequestServices = http.RequestServices,
            User = http.User,
            UserContext = new RequestContext(store, settings),
            CancellationToken = http.RequestAborted,
            Timeout = settings.ExecutionTimeout,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
            UnhandledExceptionDelegate = context =>
            {
                context.Exception = context.OriginalException switch
                {
                    StoreException store => ErrorCodes.Error(store.Code, store.Message),
                    _ => ErrorCodes.Error(ErrorCodes.Internal, $"An internal error occurred; the server log has it under request id {http.TraceIdentifier}."),
                };
                if (context.OriginalException is not StoreException)
                {
                    LogUnhandled(logger, context.OriginalException, http.TraceIdentifier);
                }

                return Task.CompletedTask;
            },
        });

        // A request that never reached execution (syntax, validation or variable errors) is the
        // client's to fix: 400. Once executed, errors are field errors inside a 200.
        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        http.Response.Headers[RoundTripsHeader] = scope.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private async Task<GraphQLHttpRequest> ReadPostAsync(HttpContext http)
    {
        var contentType = http.Request.ContentType;
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            throw new BadRequestException($"A POST needs a Content-Type of {JsonMediaType}.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (!parsed.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequestException($"The Content-Type '{parsed.MediaType}' is not supported; send {JsonMediaType}.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (parsed.Charset.HasValue && !parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequestException($"The charset '{parsed.Charset}' is not supported; send utf-8.", StatusCodes.Status415UnsupportedMediaType);
        }

        var limit = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            throw new BadRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new BadRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new BadRequestException("The request body is empty; send a JSON object with 'query'.");
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return GraphQLHttpRequest.Parse(document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"The request body is not valid JSON: {e.Message}");
        }
    }

    private static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return GraphQLResponseMediaType;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var value in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var quality = value.Quality ?? 1;
            if (quality <= 0)
            {
                continue;
            }

            var type = value.MediaType.Value ?? string.Empty;
            string? candidate = type.ToLowerInvariant() switch
            {
                GraphQLResponseMediaType or "*/*" or "application/*" => GraphQLResponseMediaType,
                JsonMediaType => JsonMediaType,
                _ => null,
            };
            if (candidate is not null && (best is null || quality > bestQuality))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    private static bool IsMutation(GraphQLHttpRequest request)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return false; // the executer reports the syntax error
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = request.OperationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
        return operation?.Operation == OperationType.Mutation;
    }

    private async Task WriteErrorAsync(HttpContext http, string mediaType, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(ErrorCodes.Error(ErrorCodes.BadRequest, message));
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in request {RequestId}.")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestId);
}
