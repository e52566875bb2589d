using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.GraphQL.Pipeline;

/// <summary>
/// Automatic persisted queries, Apollo's protocol: a client sends
/// <c>extensions.persistedQuery = { version: 1, sha256Hash }</c> alone; on
/// <see cref="ErrorCodes.PersistedQueryNotFound"/> it sends the query with the hash once, and
/// the pair is kept (bounded, least recently used out) for later hash-only requests.
/// </summary>
internal sealed class PersistedQueries(IOptions<GraphQLOptions> settings)
{
    /// <summary>The only version of the protocol.</summary>
    public const int Version = 1;

    private readonly BoundedCache<string, string> _queries = new(Math.Max(settings.Value.PersistedQueryCacheSize, 0), StringComparer.Ordinal);

    public bool Enabled { get; } = settings.Value.PersistedQueries;

    /// <summary>The number of queries held.</summary>
    public int Count => _queries.Count;

    /// <summary>The lowercase hex SHA-256 of the query's UTF-8 bytes, as Apollo clients compute it.</summary>
    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public bool TryGet(string hash, out string query) => _queries.TryGet(hash.ToLowerInvariant(), out query);

    /// <summary>Keeps a query under its hash; call it only once the hash has been checked.</summary>
    public void Store(string hash, string query) => _queries.Set(hash.ToLowerInvariant(), query);
}
