using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Domain.Ports;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Sends one Cypher statement to <c>POST {Uri}/db/{Database}/query/v2</c> and turns every way
/// that can fail into a <see cref="StoreException"/>. Transient failures are retried with
/// exponential backoff until <see cref="Neo4jStoreOptions.RetryBudget"/> is spent; that is safe
/// because every statement the store sends is idempotent (reads, and imports that merge by key),
/// even when an answer was lost after a commit. Messages say
/// what happened and never carry the statement or the server's own message, which may quote it;
/// the server's message goes to the log.
/// </summary>
internal sealed partial class QueryApiClient
{
    private readonly Func<HttpClient> _http;
    private readonly Neo4jStoreOptions _options;
    private readonly RoundTripCounter _counter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _endpoint;
    private readonly AuthenticationHeaderValue? _authorization;

    public QueryApiClient(Func<HttpClient> http, Neo4jStoreOptions options, RoundTripCounter counter, TimeProvider time, ILogger logger)
    {
        var problems = options.Problems().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _http = http;
        _options = options;
        _counter = counter;
        _time = time;
        _logger = logger;
        var baseUri = options.Uri.AbsoluteUri.TrimEnd('/');
        _endpoint = new Uri($"{baseUri}/db/{Uri.EscapeDataString(options.Database)}/query/v2");
        _authorization = options.BearerToken is { Length: > 0 } token
            ? new AuthenticationHeaderValue("Bearer", token)
            : options.Password is { } password
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{password}")))
                : null;
    }

    /// <summary>The Query API endpoint statements are sent to.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Runs one statement in its own (implicit) transaction and returns its rows.</summary>
    public async Task<QueryResult> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var body = SerializeBody(statement, parameters);
        var started = _time.GetTimestamp();
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SendOnceAsync(body, cancellationToken);
            if (outcome.Result is { } result)
            {
                return result;
            }

            var elapsed = _time.GetElapsedTime(started);
            if (elapsed + delay > _options.RetryBudget)
            {
                throw new StoreException(
                    StoreException.Unavailable,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Neo4j is unavailable: {outcome.TransientReason}. Gave up after {attempt} attempt(s) in {elapsed.TotalSeconds:0.0} s."));
            }

            LogRetry(_logger, outcome.TransientReason!, attempt, delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken);
            delay = delay * 2 > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay * 2;
        }
    }

    private async Task<Outcome> SendOnceAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = _authorization;

        // The per-request timeout runs on the wall clock; only the backoff uses TimeProvider.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        _counter.Increment();
        try
        {
            using var response = await _http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            JsonDocument? document = null;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
                document = await JsonDocument.ParseAsync(stream, default, timeout.Token);
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's error page, say): judged by its status code alone.
            }

            return Classify(response.StatusCode, document);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StoreException(
                StoreException.Timeout,
                string.Create(CultureInfo.InvariantCulture, $"Neo4j did not answer within {_options.RequestTimeout.TotalSeconds:0.###} s."));
        }
        catch (HttpRequestException e)
        {
            return Outcome.Transient(Describe(e));
        }
        catch (IOException)
        {
            return Outcome.Transient("the connection broke while reading the answer");
        }
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The document is handed to the QueryResult, which the caller disposes.")]
    private Outcome Classify(HttpStatusCode status, JsonDocument? document)
    {
        var code = (int)status;
        var root = document?.RootElement ?? default;
        var (errorCode, errorMessage) = FirstError(root);
        if (errorCode is null && code is 200 or 202 && document is not null
            && root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            var fields = data.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToArray()
                : [];
            var rows = data.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Array).ToArray()
                : [];
            return Outcome.Success(new QueryResult(document, fields, rows));
        }

        try
        {
            if (errorCode is not null)
            {
                LogServerError(_logger, code, errorCode, errorMessage ?? string.Empty);
            }

            return Failure(code, errorCode);
        }
        finally
        {
            document?.Dispose();
        }
    }

    private Outcome Failure(int status, string? errorCode)
    {
        var database = _options.Database;

        // Neo4j's own status code, when it sent one, says more than the HTTP status.
        if (errorCode is not null)
        {
            if (errorCode.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal))
            {
                throw errorCode.EndsWith(".Forbidden", StringComparison.Ordinal) || status == 403
                    ? new StoreException(StoreException.AuthFailed, $"Neo4j denied the configured user access to database '{database}' ({errorCode}).")
                    : new StoreException(StoreException.AuthFailed, $"Neo4j refused the configured credentials ({errorCode}).");
            }

            if (errorCode == "Neo.ClientError.Database.DatabaseNotFound")
            {
                throw new StoreException(StoreException.Unavailable, $"Neo4j has no database named '{database}' ({errorCode}).");
            }

            if (errorCode.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
            {
                return Outcome.Transient($"a transient error ({errorCode})");
            }

            // A DatabaseError is the server's own failure: retried whether it came with HTTP 500
            // or inside a 202 while the result streamed.
            if (errorCode.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal))
            {
                return Outcome.Transient(status is 200 or 202 ? $"a database error while running the statement ({errorCode})" : $"HTTP {status} ({errorCode})");
            }

            if (errorCode.StartsWith("Neo.ClientError.", StringComparison.Ordinal))
            {
                throw new StoreException(StoreException.Failed, $"Neo4j rejected the statement ({errorCode}).");
            }
        }

        switch (status)
        {
            case 401:
                throw new StoreException(StoreException.AuthFailed, "Neo4j refused the configured credentials (HTTP 401).");
            case 403:
                throw new StoreException(StoreException.AuthFailed, $"Neo4j denied the configured user access to database '{database}' (HTTP 403).");
            case 404:
                throw new StoreException(
                    StoreException.Unavailable,
                    $"Neo4j answered 404 for database '{database}': the database does not exist, or the server has no Query API (Neo4j 5.25 or later).");
            case 408 or 429 or >= 500:
                return Outcome.Transient(errorCode is null ? $"HTTP {status}" : $"HTTP {status} ({errorCode})");
            case >= 300 and < 400:
                throw new StoreException(StoreException.Failed, $"Neo4j answered with a redirect (HTTP {status}); configure its final address as Neo4j:Uri.");
            case 200 or 202 when errorCode is not null:
                throw new StoreException(StoreException.Failed, $"Neo4j failed while running the statement ({errorCode}).");
            case 200 or 202:
                throw new StoreException(StoreException.Failed, "Neo4j's answer could not be read as a Query API result.");
            default:
                throw new StoreException(
                    StoreException.Failed,
                    errorCode is null ? $"Neo4j rejected the request (HTTP {status})." : $"Neo4j rejected the request (HTTP {status}, {errorCode}).");
        }
    }

    private static (string? Code, string? Message) FirstError(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array)
        {
            return (null, null);
        }

        foreach (var error in errors.EnumerateArray())
        {
            if (error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (code ?? "Neo.DatabaseError.General.UnknownError", message);
            }
        }

        return (null, null);
    }

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.ConnectionError => "the connection was refused or lost",
        HttpRequestError.NameResolutionError => "its host name could not be resolved",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        HttpRequestError.ResponseEnded => "the connection closed before the answer ended",
        HttpRequestError.ProxyTunnelError => "the proxy tunnel failed",
        _ => "the request failed",
    };

    private static byte[] SerializeBody(string statement, IReadOnlyDictionary<string, object?> parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("statement", statement);
            json.WritePropertyName("parameters");
            WriteValue(json, parameters);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Writes a parameter value: strings, numbers, booleans, null, lists and string-keyed maps.</summary>
    internal static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case IReadOnlyDictionary<string, object?> map:
                json.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    json.WritePropertyName(key);
                    WriteValue(json, item);
                }

                json.WriteEndObject();
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"A {value.GetType().Name} cannot be sent as a Cypher parameter.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Neo4j attempt {Attempt} failed: {Reason}; retrying in {DelayMs} ms.")]
    private static partial void LogRetry(ILogger logger, string reason, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Neo4j answered HTTP {Status} with {Code}: {ServerMessage}")]
    private static partial void LogServerError(ILogger logger, int status, string code, string serverMessage);

    private readonly record struct Outcome(QueryResult? Result, string? TransientReason)
    {
        public static Outcome Success(QueryResult result) => new(result, null);

        public static Outcome Transient(string reason) => new(null, reason);
    }
}
