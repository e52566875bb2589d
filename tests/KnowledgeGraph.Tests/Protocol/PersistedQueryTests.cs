using System.Net;
using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Protocol;

/// <summary>Automatic persisted queries, Apollo's protocol: hash first, query and hash once, then hash only.</summary>
public sealed class PersistedQueryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = api.Factory.CreateClient();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static object Extensions(string hash, int version = 1) => new { persistedQuery = new { version, sha256Hash = hash } };

    /// <summary>A query no other test sends, so that its hash is unknown until this test registers it.</summary>
    private static string UniqueQuery() => $"query Q{Guid.NewGuid():N} {{ places(first: 2, order: [{{ name: ASC }}]) {{ nodes {{ name }} }} }}";

    [Fact]
    public async Task An_unknown_hash_alone_asks_for_the_query_with_200_for_application_json_clients()
    {
        var response = await GraphQLWire.PostAsync(_http, new { extensions = Extensions(Sha256(UniqueQuery())) }, accept: GraphQLWire.Json);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(GraphQLWire.Json, response.MediaType);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", response.Code);
        Assert.Equal("PersistedQueryNotFound", response.Message);
        Assert.Equal(["must-revalidate", "no-cache", "private"], response.Header("Cache-Control")!.Split(", ").Order(StringComparer.Ordinal));
        Assert.Null(response.Json!["data"]);
    }

    [Fact]
    public async Task An_unknown_hash_alone_is_a_400_for_graphql_response_json_clients()
    {
        var response = await GraphQLWire.PostAsync(_http, new { extensions = Extensions(Sha256(UniqueQuery())) });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", response.Code);
        Assert.Equal("PersistedQueryNotFound", response.Message);
    }

    [Fact]
    public async Task A_query_with_its_hash_is_kept_and_later_runs_from_the_hash_alone_over_POST_and_GET()
    {
        var query = UniqueQuery();
        var hash = Sha256(query);

        var first = await GraphQLWire.PostAsync(_http, new { query, extensions = Extensions(hash) });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Null(first.Json!["errors"]);

        var post = await GraphQLWire.PostAsync(_http, new { extensions = Extensions(hash) });
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal(first.Json["data"]!.ToJsonString(), post.Json!["data"]!.ToJsonString());

        var get = await GraphQLWire.GetAsync(_http, new Dictionary<string, object> { ["extensions"] = Extensions(hash) });
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal(first.Json["data"]!.ToJsonString(), get.Json!["data"]!.ToJsonString());

        // The hash is hex and case does not matter.
        var upper = await GraphQLWire.PostAsync(_http, new { extensions = Extensions(hash.ToUpperInvariant()) });
        Assert.Equal(HttpStatusCode.OK, upper.Status);
    }

    [Fact]
    public async Task A_query_with_a_hash_that_is_not_its_SHA_256_is_refused()
    {
        var query = UniqueQuery();
        var wrong = Sha256("something else");

        var response = await GraphQLWire.PostAsync(_http, new { query, extensions = Extensions(wrong) }, accept: GraphQLWire.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", response.Code);
        Assert.Equal($"The persisted query hash '{wrong}' is not the SHA-256 of the query sent with it ('{Sha256(query)}').", response.Message);

        // Nothing was kept under either hash.
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await GraphQLWire.PostAsync(_http, new { extensions = Extensions(wrong) })).Code);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await GraphQLWire.PostAsync(_http, new { extensions = Extensions(Sha256(query)) })).Code);
    }

    [Fact]
    public async Task A_query_that_does_not_validate_is_not_kept()
    {
        const string Invalid = "{ peple { totalCount } }";
        var hash = Sha256(Invalid);

        var response = await GraphQLWire.PostAsync(_http, new { query = Invalid, extensions = Extensions(hash) });
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", response.Code);

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await GraphQLWire.PostAsync(_http, new { extensions = Extensions(hash) })).Code);
    }

    [Fact]
    public async Task Only_version_1_of_the_protocol_is_accepted()
    {
        var query = UniqueQuery();

        var response = await GraphQLWire.PostAsync(_http, new { query, extensions = Extensions(Sha256(query), version: 2) });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.Code);
        Assert.Equal("Persisted query version 2 is not supported; send version 1.", response.Message);
    }

    [Fact]
    public async Task A_malformed_persisted_query_extension_is_a_bad_request()
    {
        var response = await GraphQLWire.SendRawAsync(_http, """{"extensions":{"persistedQuery":{"version":1}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.Code);
        Assert.Equal("'extensions.persistedQuery.sha256Hash' must be the hex SHA-256 of the query.", response.Message);
    }

    [Fact]
    public void The_store_is_bounded_to_its_configured_size()
    {
        var store = new PersistedQueries(Microsoft.Extensions.Options.Options.Create(new GraphQLOptions { PersistedQueryCacheSize = 2 }));
        store.Store("a", "{ a }");
        store.Store("b", "{ b }");
        Assert.True(store.TryGet("a", out _)); // a is now the most recently used
        store.Store("c", "{ c }");

        Assert.Equal(2, store.Count);
        Assert.True(store.TryGet("a", out var a));
        Assert.Equal("{ a }", a);
        Assert.False(store.TryGet("b", out _));
        Assert.True(store.TryGet("c", out _));
    }
}

/// <summary>KG_GRAPHQL__PERSISTEDQUERIES=false: Apollo clients are told to send full queries.</summary>
public sealed class PersistedQueriesOffTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["GraphQL:PersistedQueries"] = "false";
        _http = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_hash_alone_is_answered_with_PERSISTED_QUERY_NOT_SUPPORTED_and_a_full_query_still_runs()
    {
        const string Query = "{ places(first: 1) { totalCount } }";
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = PersistedQueries.Hash(Query) } };

        var hashOnly = await GraphQLWire.PostAsync(_http, new { extensions }, accept: GraphQLWire.Json);
        Assert.Equal(HttpStatusCode.OK, hashOnly.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", hashOnly.Code);
        Assert.Equal("PersistedQueryNotSupported", hashOnly.Message);

        var full = await GraphQLWire.PostAsync(_http, new { query = Query, extensions });
        Assert.Equal(HttpStatusCode.OK, full.Status);
        Assert.Null(full.Json!["errors"]);
        Assert.Equal(0, _factory.Services.GetRequiredService<PersistedQueries>().Count);
    }
}
