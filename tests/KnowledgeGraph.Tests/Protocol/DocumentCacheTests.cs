using System.Net;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.GraphQL.Protection;
using KnowledgeGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Protocol;

/// <summary>Repeated queries are neither parsed nor validated again, yet still honour the limits.</summary>
public sealed class DocumentCacheTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = api.Factory.CreateClient();

    private DocumentCache Cache => api.Factory.Services.GetRequiredService<DocumentCache>();

    private static string NodeId(string typeAndKey) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(typeAndKey));

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
    public async Task A_cached_document_is_checked_against_the_limits_once_per_value_of_the_variables_they_read()
    {
        // $n prices the query (first: $n); $id does not, so a new id reuses the verdict.
        var query = $"query Verdict{Guid.NewGuid():N}($n: Int, $id: ID!) {{ node(id: $id) {{ id }} people(first: $n) {{ nodes {{ name }} }} }}";
        var (first, second) = (NodeId("Person:nobody-one"), NodeId("Person:nobody-two"));
        var rechecks = Cache.Rechecks;

        var answers = new List<WireResponse> { await GraphQLWire.PostAsync(_http, new { query, variables = new { n = 2, id = first } }) };
        Assert.Equal(rechecks, Cache.Rechecks);

        answers.Add(await GraphQLWire.PostAsync(_http, new { query, variables = new { n = 2, id = second } }));
        Assert.Equal(rechecks, Cache.Rechecks);

        answers.Add(await GraphQLWire.PostAsync(_http, new { query, variables = new { n = 3, id = first } }));
        Assert.Equal(rechecks + 1, Cache.Rechecks);

        answers.Add(await GraphQLWire.PostAsync(_http, new { query, variables = new { n = 3, id = second } }));
        answers.Add(await GraphQLWire.PostAsync(_http, new { query, variables = new { n = 2, id = first } }));
        Assert.Equal(rechecks + 1, Cache.Rechecks);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal([2, 2, 3, 3, 2], answers.Select(a => a.Data["people"]!["nodes"]!.AsArray().Count));
        Assert.All(answers, a => Assert.Null(a.Data["node"]));
    }

    [Fact]
    public async Task A_refused_value_is_refused_again_and_a_skip_directive_is_read_for_the_limits()
    {
        // With @skip true the costly part is left out and the query passes; false brings it back.
        var query = $"query Skip{Guid.NewGuid():N}($s: Boolean!) {{ people(first: 100) {{ nodes {{ statements(first: 100) @skip(if: $s) {{ nodes {{ responses(first: 100) {{ nodes {{ text }} }} }} }} }} }} }}";

        var skipped = await GraphQLWire.PostAsync(_http, new { query, variables = new { s = true } });
        var kept = await GraphQLWire.PostAsync(_http, new { query, variables = new { s = false } });
        var keptAgain = await GraphQLWire.PostAsync(_http, new { query, variables = new { s = false } });

        Assert.Equal(HttpStatusCode.OK, skipped.Status);
        Assert.Equal(HttpStatusCode.BadRequest, kept.Status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", kept.Code);
        Assert.Equal(kept.Message, keptAgain.Message);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", keptAgain.Code);
    }

    [Fact]
    public void The_limits_read_the_variables_of_pricing_arguments_and_directives_only()
    {
        var document = GraphQLParser.Parser.Parse(
            "query($a: Int, $b: ID!, $c: PersonFilterInput, $d: Boolean!, $e: Int = 3) { node(id: $b) { id } "
            + "people(first: $a, where: $c) @include(if: $d) { totalCount } ...F } "
            + "fragment F on Query { places(last: $e, where: { name: { eq: $b } }) { totalCount } }");

        var variables = LimitsInputs.VariablesReadByLimits(document);

        Assert.Equal(["a", "c", "d", "e", "b"], variables);
        Assert.Equal("a=Int32:2;c=null;d=true;e=~;b=\"x\\\"y\";", LimitsInputs.Signature(variables, new GraphQL.Inputs(new Dictionary<string, object?> { ["a"] = 2, ["b"] = "x\"y", ["c"] = null, ["d"] = true })));
        Assert.Equal(string.Empty, LimitsInputs.Signature([], null));
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
