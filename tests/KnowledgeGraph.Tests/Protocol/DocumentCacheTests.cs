using System.Net;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Protocol;

/// <summary>Repeated queries are neither parsed nor validated again, yet still honour the limits.</summary>
public sealed class DocumentCacheTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = api.Factory.CreateClient();

    private DocumentCache Cache => api.Factory.Services.GetRequiredService<DocumentCache>();

    [Fact]
    public async Task The_second_identical_request_reuses_the_parsed_and_validated_document()
    {
        var query = $"query Repeat{Guid.NewGuid():N} {{ people(first: 2) {{ nodes {{ name }} }} }}";
        var (hits, misses) = (Cache.Hits, Cache.Misses);

        var first = await GraphQLWire.PostAsync(_http, new { query });
        Assert.Equal((hits, misses + 1), (Cache.Hits, Cache.Misses));

        var second = await GraphQLWire.PostAsync(_http, new { query });
        Assert.Equal((hits + 1, misses + 1), (Cache.Hits, Cache.Misses));

        // GET shares the cache (its mutation check reads the cached document too).
        var third = await GraphQLWire.GetAsync(_http, new Dictionary<string, object> { ["query"] = query });
        Assert.Equal((hits + 2, misses + 1), (Cache.Hits, Cache.Misses));

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Text, third.Text);
    }

    [Fact]
    public async Task A_document_that_fails_validation_is_not_cached()
    {
        var query = $"query Broken{Guid.NewGuid():N} {{ peple {{ name }} }}";
        var misses = Cache.Misses;

        await GraphQLWire.PostAsync(_http, new { query });
        await GraphQLWire.PostAsync(_http, new { query });

        Assert.Equal(misses + 2, Cache.Misses);
    }

    [Fact]
    public async Task A_cached_document_is_still_held_to_the_cost_limit_with_new_variables()
    {
        var query = $"query Cost{Guid.NewGuid():N}($n: Int) {{ people(first: $n) {{ nodes {{ statements(first: $n) {{ nodes {{ responses(first: $n) {{ nodes {{ text }} }} }} }} }} }} }}";

        var small = await GraphQLWire.PostAsync(_http, new { query, variables = new { n = 2 } });
        Assert.Equal(HttpStatusCode.OK, small.Status);
        var hits = Cache.Hits;

        var large = await GraphQLWire.PostAsync(_http, new { query, variables = new { n = 100 } });

        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", large.Code);
        Assert.Equal("The operation's complexity is 1111111; the maximum allowed is 50000. Ask for smaller pages (first/last) or fewer nested fields.", large.Message);
    }

    [Fact]
    public async Task A_cached_document_still_coerces_its_variables()
    {
        var query = $"query Vars{Guid.NewGuid():N}($n: Int) {{ people(first: $n) {{ totalCount }} }}";
        await GraphQLWire.PostAsync(_http, new { query, variables = new { n = 1 } });

        var response = await GraphQLWire.PostAsync(_http, new { query, variables = new { n = "one" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_VALUE", response.Code);
    }

    [Fact]
    public void The_cache_keeps_the_most_recently_used_documents_up_to_its_size()
    {
        var cache = new BoundedCache<string, int>(2, StringComparer.Ordinal);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.True(cache.TryGet("a", out _));
        cache.Set("c", 3);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
    }
}
