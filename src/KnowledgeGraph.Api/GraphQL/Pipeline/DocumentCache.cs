using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
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
/// the depth and cost limits, whose cost depends on the variables); variables are still coerced.
/// </remarks>
internal sealed class DocumentCache(IOptions<GraphQLOptions> settings) : IConfigureExecution
{
    private readonly int _capacity = Math.Max(settings.Value.DocumentCacheSize, 0);
    private readonly BoundedCache<string, GraphQLDocument> _documents = new(Math.Max(settings.Value.DocumentCacheSize, 0), StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    /// <summary>Requests that reused a cached document.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Requests whose document had to be parsed and validated.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The number of documents held.</summary>
    public int Count => _documents.Count;

    /// <summary>After the option configurations (100) and the introspection policy (150).</summary>
    public float SortOrder => 200;

    /// <summary>A cached document for this query text, without counting a hit (the endpoint's GET check).</summary>
    public GraphQLDocument? Peek(string query) => _documents.TryGet(query, out var document) ? document : null;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Query is not { } query || _capacity == 0)
        {
            return await next(options);
        }

        if (_documents.TryGet(query, out var cached))
        {
            Interlocked.Increment(ref _hits);
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        Interlocked.Increment(ref _misses);
        var result = await next(options);
        if (result.Executed && result.Document is { } document)
        {
            _documents.Set(query, document);
        }

        return result;
    }
}
