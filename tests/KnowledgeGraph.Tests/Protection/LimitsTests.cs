using System.Net;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Protection;

/// <summary>
/// Each limit, at its default, refused over HTTP with an exact code and message, after which
/// the same server answers an ordinary query.
/// </summary>
public sealed class LimitsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = api.Factory.CreateClient();

    [Fact]
    public async Task A_page_larger_than_100_is_refused_naming_the_cap()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = "{ people(first: 101) { totalCount } }" });

        Assert.Equal(HttpStatusCode.OK, response.Status); // a field error: the operation ran
        Assert.Equal("PAGE_SIZE_EXCEEDED", response.Code);
        Assert.Equal("Requesting more than 100 items per page is not allowed ('first' was 101).", response.Message);
        Assert.Equal("""{"people":null}""", response.Json!["data"]!.ToJsonString());
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task An_operation_deeper_than_15_fields_is_refused_before_it_runs()
    {
        // statements > nodes > 13 × respondsTo > key: 16 fields on the longest path.
        var query = "{ statements(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("respondsTo { ", 13)) + "key" + new string('}', 13) + " } } }";

        var response = await GraphQLWire.PostAsync(_http, new { query });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_DEPTH_EXCEEDED", response.Code);
        Assert.Equal("The operation is 16 fields deep; the maximum allowed is 15.", response.Message);
        Assert.Null(response.Json!["data"]);
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task An_operation_of_exactly_15_fields_runs()
    {
        var query = "{ statements(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("respondsTo { ", 12)) + "key" + new string('}', 12) + " } } }";

        var response = await GraphQLWire.PostAsync(_http, new { query });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json!["errors"]);
    }

    [Fact]
    public async Task An_operation_costing_more_than_50000_is_refused_with_its_cost()
    {
        // Three nested pages of 100, each connection costing 10 and each other field 1:
        // 10 + 1 + 100·10 + 100 + 100²·10 + 100² + 100³ = 1111111.
        var response = await GraphQLWire.PostAsync(_http, new { query = "{ people(first: 100) { nodes { statements(first: 100) { nodes { responses(first: 100) { nodes { text } } } } } } }" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", response.Code);
        Assert.Equal("The operation's complexity is 1111111; the maximum allowed is 50000. Ask for smaller pages (first/last) or fewer nested fields.", response.Message);
        Assert.Null(response.Json!["data"]);
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task Two_nested_pages_of_100_are_within_the_cost_limit()
    {
        // 10 + 1 + 100·10 + 100 + 100² = 11111.
        var response = await GraphQLWire.PostAsync(_http, new { query = "{ people(first: 100) { nodes { statements(first: 100) { nodes { text } } } } }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json!["errors"]);
    }

    [Fact]
    public async Task Fragments_spreading_each_other_twice_thirty_deep_are_refused_at_once()
    {
        // F30 spreads F29 twice, …, F0 selects 2 fields: 2³¹ fields once expanded, in a tiny document.
        var fragments = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}"));
        var query = "query { ...F30 }\nfragment F0 on Query { people(first: 1) { totalCount } }\n" + fragments;
        var started = DateTime.UtcNow;

        var response = await GraphQLWire.PostAsync(_http, new { query });

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), $"took {DateTime.UtcNow - started}");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("FRAGMENTS_TOO_DEEP", response.Code);
        Assert.Equal("The operation spreads fragments inside fragments 31 deep; the maximum allowed is 16. (line 1, column 1)", response.Message);
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task More_than_100_ids_for_nodes_are_refused_naming_the_cap()
    {
        var ids = Enumerable.Range(0, 101).Select(i => Seed.Id(NodeType.Person, "person-" + i)).ToArray();

        var response = await GraphQLWire.PostAsync(_http, new { query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables = new { ids } });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("TOO_MANY_IDS", response.Code);
        Assert.Equal("'ids' may hold at most 100 ids (it held 101).", response.Message);
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_refused_with_413()
    {
        var padding = new string(' ', 256 * 1024);
        var body = "{\"query\":\"{ __typename }" + padding + "\"}";

        var response = await GraphQLWire.SendRawAsync(_http, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("BAD_REQUEST", response.Code);
        Assert.Equal("The request body is larger than 262144 bytes.", response.Message);
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task Introspection_is_on_by_default_and_errors_suggest_names()
    {
        var schema = await GraphQLWire.PostAsync(_http, new { query = "{ __schema { queryType { name } } }" });
        Assert.Equal("""{"__schema":{"queryType":{"name":"Query"}}}""", schema.Json!["data"]!.ToJsonString());

        var typo = await GraphQLWire.PostAsync(_http, new { query = "{ peple { totalCount } }" });
        Assert.Equal(HttpStatusCode.BadRequest, typo.Status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", typo.Code);
        Assert.Equal("Cannot query field 'peple' on type 'Query'. Did you mean 'people'?", typo.Message);
    }

    [Fact]
    public async Task The_full_introspection_query_of_an_IDE_passes_every_limit()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = IntrospectionQuery.Full });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json!["errors"]);
        Assert.Equal("Query", response.Json["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Introspection_nesting_list_fields_three_deep_is_refused()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INTROSPECTION_TOO_DEEP", response.Code);
        Assert.Equal("Introspection may nest 'fields', 'inputFields', 'interfaces' and 'possibleTypes' at most 2 deep.", response.Message);
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }
}

/// <summary>What every error response must look like.</summary>
internal static class ProtectionAssert
{
    /// <summary>Carries a code and the request id of the response header, and no exception details.</summary>
    public static void Clean(WireResponse response)
    {
        var header = response.Header(GraphQLWire.RequestIdHeader);
        Assert.False(string.IsNullOrEmpty(header), "the response has no request id header");
        foreach (var error in response.Errors)
        {
            Assert.False(string.IsNullOrEmpty(error!["extensions"]?["code"]?.GetValue<string>()), $"an error without a code: {error}");
            Assert.Equal(header, error["extensions"]!["requestId"]!.GetValue<string>());
        }

        Assert.DoesNotContain("Exception", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("stack", response.Text, StringComparison.OrdinalIgnoreCase);
    }
}
