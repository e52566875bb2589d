using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Domain.Ports;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// GraphQL over HTTP (graphql/graphql-over-http): POST with a JSON body, GET for queries only,
/// <c>application/graphql-response+json</c> unless the client accepts only <c>application/json</c>
/// (a missing Accept header counts as the former, as the spec says after its 2025 watershed).
/// A request that cannot run (malformed body, syntax or validation error, bad variables, a limit
/// exceeded) is a 4xx with errors that say what was wrong and where; never a stack trace. Every
/// error carries <c>extensions.code</c> and <c>extensions.requestId</c>, the id the log uses.
/// </summary>
internal sealed partial class GraphQLEndpoint(
    IDocumentExecuter<KnowledgeGraphSchema> executer,
    IGraphQLTextSerializer serializer,
    IGraphStore store,
    IDocumentBuilder documentBuilder,
    DocumentCache documents,
    PersistedQueries persistedQueries,
    IOptions<GraphQLOptions> options,
    ILogger<GraphQLEndpoint> logger)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    /// <summary>The response header that reports the store round trips of the request.</summary>
    public const string RoundTripsHeader = "KG-Store-Round-Trips";

    /// <summary>The response header with the request id (<see cref="HttpContext.TraceIdentifier"/>) the log uses.</summary>
    public const string RequestIdHeader = "KG-Request-Id";

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await HandleRequestAsync(http);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            // Whatever escapes is the server's fault: logged with the request id, answered without details.
            LogUnhandled(logger, e, http.TraceIdentifier);
            if (http.Response.HasStarted)
            {
                throw;
            }

            http.Response.Clear();
            http.Response.Headers[RequestIdHeader] = http.TraceIdentifier;
            await WriteErrorAsync(http, Negotiate(http.Request) ?? GraphQLResponseMediaType, StatusCodes.Status500InternalServerError, ErrorCodes.Internal,
                $"An internal error occurred; the server log has it under request id {http.TraceIdentifier}.");
        }
    }

    private async Task HandleRequestAsync(HttpContext http)
    {
        var mediaType = Negotiate(http.Request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, GraphQLResponseMediaType, StatusCodes.Status406NotAcceptable, ErrorCodes.BadRequest,
                $"This endpoint answers with {GraphQLResponseMediaType} or {JsonMediaType}; the Accept header allows neither.");
            return;
        }

        GraphQLHttpRequest request;
        string query;
        string? hashToStore;
        GraphQLDocument? parsed = null;
        try
        {
            request = HttpMethods.IsPost(http.Request.Method)
                ? await ReadPostAsync(http)
                : GraphQLHttpRequest.Parse(http.Request.Query);
            (query, hashToStore) = ResolvePersistedQuery(http, request, mediaType);
            if (HttpMethods.IsGet(http.Request.Method))
            {
                // Parsed here once (or taken from the cache) and handed to the executer, not parsed twice.
                parsed = documents.Peek(query) ?? TryParse(query);
                if (IsMutation(parsed, request.OperationName))
                {
                    http.Response.Headers.Allow = "POST";
                    throw new BadRequestException("Mutations are not allowed over GET; send them with POST.", StatusCodes.Status405MethodNotAllowed);
                }
            }
        }
        catch (BadRequestException e)
        {
            await WriteErrorAsync(http, mediaType, e.StatusCode, e.Code, e.Message);
            return;
        }

        // Mutations need an API key; so do queries when reads are closed. Checked before anything
        // runs, so a refused request writes nothing.
        var operation = parsed ?? (query.Contains("mutation", StringComparison.Ordinal) ? documents.Peek(query) ?? TryParse(query) : null);
        var keys = http.RequestServices.GetRequiredService<Auth.ApiKeys>();
        var key = keys.Check(http.Request);
        if (IsMutation(operation, request.OperationName) || keys.Options.RequireKeyForReads)
        {
            if (!key.Presented)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await WriteErrorAsync(http, mediaType, StatusCodes.Status401Unauthorized, ErrorCodes.NotAuthenticated,
                    $"This operation needs an API key: send it in the {Auth.ApiKeys.Header} header or as Authorization: Bearer.");
                return;
            }

            if (key.Name is null)
            {
                await WriteErrorAsync(http, mediaType, StatusCodes.Status403Forbidden, ErrorCodes.NotAuthorized,
                    "The API key sent is not one this server knows.");
                return;
            }
        }

        if (key.Name is not null)
        {
            http.Items[Auth.ApiKeys.NameItem] = key.Name;
        }

        var settings = options.Value;
        using var scope = RoundTripCounter.BeginScope();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Document = parsed,
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

        if (hashToStore is not null && result.Executed)
        {
            // Only a query that parsed and validated is kept for hash-only requests.
            persistedQueries.Store(hashToStore, query);
        }

        http.Response.StatusCode = StatusOf(result);
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

    /// <summary>
    /// The response media type: <c>application/graphql-response+json</c> for it, <c>*/*</c>,
    /// <c>application/*</c> or no Accept header (it also wins a tie in quality);
    /// <c>application/json</c> when that is preferred; null when the client accepts neither.
    /// </summary>
    internal static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return GraphQLResponseMediaType;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var value in accept)
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
            if (candidate is not null && (best is null || quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponseMediaType)))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>
    /// The query to run, and the hash to keep it under once it validates (automatic persisted
    /// queries); throws the protocol's errors.
    /// </summary>
    private (string Query, string? HashToStore) ResolvePersistedQuery(HttpContext http, GraphQLHttpRequest request, string mediaType)
    {
        if (request.PersistedQuery is not { } persisted)
        {
            return (request.Query!, null);
        }

        if (!persistedQueries.Enabled)
        {
            // Switched off: a request that brings its query simply runs it.
            return request.Query is { } text
                ? (text, null)
                : throw PersistedQueryMiss(http, mediaType, ErrorCodes.PersistedQueryNotSupported, "PersistedQueryNotSupported");
        }

        if (persisted.Version != PersistedQueries.Version)
        {
            throw new BadRequestException($"Persisted query version {persisted.Version} is not supported; send version {PersistedQueries.Version}.");
        }

        if (request.Query is null)
        {
            return persistedQueries.TryGet(persisted.Sha256Hash, out var stored)
                ? (stored, null)
                : throw PersistedQueryMiss(http, mediaType, ErrorCodes.PersistedQueryNotFound, "PersistedQueryNotFound");
        }

        var hash = PersistedQueries.Hash(request.Query);
        if (!hash.Equals(persisted.Sha256Hash, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequestException(
                $"The persisted query hash '{persisted.Sha256Hash}' is not the SHA-256 of the query sent with it ('{hash}').",
                StatusCodes.Status400BadRequest,
                ErrorCodes.PersistedQueryHashMismatch);
        }

        return (request.Query, hash);
    }

    /// <summary>
    /// Apollo's "send me the query" answers. Apollo Server answers them with 200, and clients that
    /// ask for <c>application/json</c> get that; <c>application/graphql-response+json</c> MUST
    /// answer a response without data with a 4xx, so those clients get 400. Never cached.
    /// </summary>
    private static BadRequestException PersistedQueryMiss(HttpContext http, string mediaType, string code, string message)
    {
        http.Response.Headers.CacheControl = "private, no-cache, must-revalidate";
        return new BadRequestException(message, mediaType == JsonMediaType ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, code);
    }

    /// <summary>
    /// 200 once the operation ran (field errors ride inside it); before that, 504 for the
    /// timeout, 500 for a server fault, else 400: the request is the client's to fix.
    /// </summary>
    private static int StatusOf(ExecutionResult result)
    {
        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        var codes = result.Errors?.Select(e => e.Code).ToHashSet(StringComparer.Ordinal) ?? [];
        return codes.Contains(ErrorCodes.Timeout) ? StatusCodes.Status504GatewayTimeout
            : codes.Contains(ErrorCodes.Internal) ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status400BadRequest;
    }

    private GraphQLDocument? TryParse(string query)
    {
        try
        {
            return documentBuilder.Build(query);
        }
        catch (Exception e) when (e is ExecutionError or GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null; // the executer parses again and reports the error in its own words
        }
    }

    private static bool IsMutation(GraphQLDocument? document, string? operationName)
    {
        if (document is null)
        {
            return false;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return operation?.Operation == OperationType.Mutation;
    }

    private async Task WriteErrorAsync(HttpContext http, string mediaType, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(ErrorCodes.Error(code, message));
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in request {RequestId}.")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestId);
}
