using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.GraphQL.Protection;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
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
    RequestGuard guard,
    DocumentCache documents,
    PersistedQueries persistedQueries,
    IoThreadPolicy ioThreads,
    IOptions<GraphQLOptions> options,
    ILogger<GraphQLEndpoint> logger)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    /// <summary>
    /// The response header that reports the store calls of the request (calls of the store port;
    /// the name predates the distinction and clients read it).
    /// </summary>
    public const string StoreCallsHeader = "KG-Store-Round-Trips";

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
        GraphQLDocument parsed;
        OperationFacts facts;

        // A POST body stays in pooled memory until the variables have been read from it.
        using var body = new RequestBody();
        var settings = options.Value;

        // The execution timeout covers parsing and validation as well: every walk before the
        // executer checks this token, and the executer gets what is left of the time.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        if (settings.ExecutionTimeout > TimeSpan.Zero)
        {
            deadline.CancelAfter(settings.ExecutionTimeout);
        }

        try
        {
            request = HttpMethods.IsPost(http.Request.Method)
                ? await ReadPostAsync(http, body)
                : ReadGet(http);
            (query, hashToStore) = ResolvePersistedQuery(http, request, mediaType);

            // Parsed here once, within the limits (or taken from the cache), and handed to the
            // executer, which then neither parses it again nor meets a document it cannot bound.
            // A cached document also knows the answers to the questions asked below.
            var cached = documents.Peek(query);
            parsed = cached?.Document ?? guard.Parse(query, deadline.Token);
            facts = cached?.Facts(request.OperationName, OperationFacts.Of) ?? OperationFacts.Of(parsed, request.OperationName);
            if (HttpMethods.IsGet(http.Request.Method))
            {
                if (facts.IsMutation)
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
        catch (RequestRefusedException e)
        {
            await WriteErrorAsync(http, mediaType, e.Refusal.Status, e.Refusal.ToError());
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(http, mediaType, StatusCodes.Status504GatewayTimeout, ErrorCodes.Timeout, "The operation has timed out.");
            return;
        }

        // Mutations need an API key, and so does the change log; so do queries when reads are
        // closed. Checked before anything runs, so a refused request writes nothing.
        var keys = http.RequestServices.GetRequiredService<Auth.ApiKeys>();
        var key = keys.Check(http.Request);
        if (facts.IsMutation || keys.Options.RequireKeyForReads || facts.SelectsKeyProtected)
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

        using var scope = StoreCallCounter.BeginScope();

        // The resolvers' token is the request's deadline (set before parsing), so the store stops
        // its work (SQLite is interrupted) instead of running on after the 504 has gone out. The
        // executer gets no timeout of its own: the deadline is the one timer of the request, and
        // its cancellation is answered below with the executer's own timeout error.
        var execution = new ExecutionOptions
        {
            Query = query,
            Document = parsed,
            OperationName = request.OperationName,
            Variables = request.Variables is { } variables ? serializer.ReadNode<Inputs>(variables) : null,
            Extensions = request.Extensions is { } extensions ? serializer.ReadNode<Inputs>(extensions) : null,
            RequestServices = http.RequestServices,
            User = http.User,
            UserContext = new RequestContext(store, settings),
            CancellationToken = deadline.Token,
            Timeout = Timeout.InfiniteTimeSpan,
            Listeners = { ioThreads },
            UnhandledExceptionDelegate = context =>
            {
                context.Exception = context.OriginalException switch
                {
                    StoreException store => ErrorCodes.Error(store.Code, store.Message),
                    FilterTooLargeException filter => ErrorCodes.Error(ErrorCodes.InvalidFilter, $"where: {filter.Message}"),
                    _ => ErrorCodes.Error(ErrorCodes.Internal, $"An internal error occurred; the server log has it under request id {http.TraceIdentifier}."),
                };
                if (context.OriginalException is StoreException failure)
                {
                    // The client hears the code; the cause (SQLite's error, say) goes to the log.
                    LogStoreFailure(logger, failure, http.TraceIdentifier, failure.Code);
                }
                else if (context.OriginalException is not FilterTooLargeException)
                {
                    LogUnhandled(logger, context.OriginalException, http.TraceIdentifier);
                }

                return Task.CompletedTask;
            },
        };
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(execution);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            // The deadline fired: the answer the executer gives for its own timeout.
            result = new ExecutionResult { Executed = false };
            result.AddError(new TimeoutError());
        }

        if (hashToStore is not null && result.Executed)
        {
            // Only a query that parsed and validated is kept for hash-only requests.
            persistedQueries.Store(hashToStore, query);
        }

        http.Response.Headers[StoreCallsHeader] = scope.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Written to a bounded buffer of pooled memory first: an answer over the cap is replaced
        // by an error before any byte of it leaves, and no answer grows the process past the cap.
        // Then it goes out in one write, with its length (no chunked encoding).
        using var answer = new BoundedBuffer(settings.MaxResponseBytes);
        try
        {
            await serializer.WriteAsync(answer, result, http.RequestAborted);
        }
        catch (ResponseTooLargeException)
        {
            await WriteErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, ErrorCodes.ResponseTooLarge,
                $"The answer is larger than {settings.MaxResponseBytes} bytes; select fewer fields or smaller pages.");
            return;
        }

        http.Response.StatusCode = StatusOf(result);
        http.Response.ContentType = mediaType + "; charset=utf-8";
        http.Response.ContentLength = answer.Length;
        await http.Response.BodyWriter.WriteAsync(answer.WrittenMemory, http.RequestAborted);
    }

    private GraphQLHttpRequest ReadGet(HttpContext http)
    {
        var request = GraphQLHttpRequest.Parse(http.Request.Query);
        foreach (var (name, value) in new[] { ("variables", request.Variables), ("extensions", request.Extensions) })
        {
            if (value is { } json && JsonGuard.CheckParameter(json, name, options.Value) is { } refusal)
            {
                throw new RequestRefusedException(refusal);
            }
        }

        return request;
    }

    private async Task<GraphQLHttpRequest> ReadPostAsync(HttpContext http, RequestBody body)
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

        if (!await body.ReadAsync(http.Request.Body, http.Request.ContentLength, limit, http.RequestAborted))
        {
            throw new BadRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        if (body.Length == 0)
        {
            throw new BadRequestException("The request body is empty; send a JSON object with 'query'.");
        }

        try
        {
            var document = body.Parse();
            if (JsonGuard.CheckBody(document.RootElement, options.Value) is { } refusal)
            {
                throw new RequestRefusedException(refusal);
            }

            return GraphQLHttpRequest.Parse(document.RootElement);
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

    private Task WriteErrorAsync(HttpContext http, string mediaType, int status, string code, string message) =>
        WriteErrorAsync(http, mediaType, status, ErrorCodes.Error(code, message));

    private async Task WriteErrorAsync(HttpContext http, string mediaType, int status, ExecutionError error)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Executed = false };
        result.AddError(error);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store failed in request {RequestId} ({Code}).")]
    private static partial void LogStoreFailure(ILogger logger, Exception exception, string requestId, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in request {RequestId}.")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestId);
}
