using GraphQL;
using GraphQL.DI;
using KnowledgeGraph.Api.GraphQL.Protection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.GraphQL.Pipeline;

/// <summary>
/// Parsed and validated documents by query text (bounded, least recently used out), so that a
/// repeated query is neither parsed nor validated again. What GraphQL.MemoryCache's
/// MemoryDocumentCache does, which this build cannot use.
/// </summary>
/// <remarks>
/// A document is cached only once it passed validation. A cached document runs only the rules
/// that depend on the request (<see cref="ExecutionOptions.CachedDocumentValidationRules"/>:
/// the depth and cost limits, whose cost depends on the variables), and those only until they
/// have passed once for the same operation and the same values of the variables they read
/// (<see cref="LimitsInputs"/>): the options are fixed for the life of the server, so the verdict
/// is too, and so is whether the operation may run on the socket thread, which the limits rule
/// decides from the same inputs (<see cref="RequestContext.MayRunOnIoThread"/>). Variables are
/// still coerced on every request.
/// </remarks>
internal sealed class DocumentCache(IOptions<GraphQLOptions> settings) : IConfigureExecution
{
    private readonly int _capacity = Math.Max(settings.Value.DocumentCacheSize, 0);
    private readonly BoundedCache<string, CachedDocument> _documents = new(Math.Max(settings.Value.DocumentCacheSize, 0), StringComparer.Ordinal);
    private long _hits;
    private long _misses;
    private long _rechecks;

    /// <summary>Requests that reused a cached document.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Requests whose document had to be parsed and validated.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>
    /// Requests that reused a cached document and still ran the request-dependent rules on it
    /// (the first time for an operation and its values of the variables the limits read).
    /// </summary>
    public long Rechecks => Interlocked.Read(ref _rechecks);

    /// <summary>The number of documents held.</summary>
    public int Count => _documents.Count;

    /// <summary>After the option configurations (100) and the introspection policy (150).</summary>
    public float SortOrder => 200;

    /// <summary>A cached document for this query text, without counting a hit (the endpoint's checks before execution).</summary>
    public CachedDocument? Peek(string query) => _documents.TryGet(query, out var document) ? document : null;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Query is not { } query || _capacity == 0)
        {
            return await next(options);
        }

        if (_documents.TryGet(query, out var cached))
        {
            Interlocked.Increment(ref _hits);
            options.Document = cached.Document;
            var signature = cached.Signature(options.Variables);
            if (cached.Passed(options.OperationName, signature, out var mayRunOnIoThread))
            {
                options.ValidationRules = [];
                if (options.UserContext is RequestContext request)
                {
                    request.MayRunOnIoThread = mayRunOnIoThread;
                }

                return await next(options);
            }

            Interlocked.Increment(ref _rechecks);
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            var checkedResult = await next(options);
            if (checkedResult.Executed)
            {
                cached.RememberPassed(options.OperationName, signature, MayRunOnIoThread(options));
            }

            return checkedResult;
        }

        Interlocked.Increment(ref _misses);
        var result = await next(options);
        if (result.Executed && result.Document is { } document)
        {
            var entry = new CachedDocument(document);
            entry.RememberPassed(options.OperationName, entry.Signature(options.Variables), MayRunOnIoThread(options));
            _documents.Set(query, entry);
        }

        return result;
    }

    private static bool MayRunOnIoThread(ExecutionOptions options) => options.UserContext is RequestContext { MayRunOnIoThread: true };
}
