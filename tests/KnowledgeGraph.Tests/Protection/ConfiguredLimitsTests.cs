using System.Net;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Protection;

/// <summary>
/// The depth and cost limits follow their settings (KG_GRAPHQL__MAXDEPTH, KG_GRAPHQL__MAXCOMPLEXITY),
/// and the cost counts a connection without <c>first</c> as the default page of 10.
/// </summary>
public sealed class ConfiguredLimitsTests : IAsyncLifetime
{
    // people > nodes > statements > nodes > text, evidence > text: 6 deep, and at worst
    // 10 + 1 + 10·10 + 10 + 10·10 + 10·10 + 10·10·5 = 821 (pages of 10, connections costing 10, evidence counted as 5).
    private const string Query = "{ people { nodes { statements { nodes { text evidence { text } } } } } }";

    private readonly ApiFactory _factory = new();
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["GraphQL:MaxComplexity"] = "821";
        _factory.Settings["GraphQL:MaxDepth"] = "6";
        _http = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_operation_at_exactly_the_limits_runs()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = Query });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json!["errors"]);
    }

    [Fact]
    public async Task One_more_item_per_page_goes_over_the_cost_limit()
    {
        // statements(first: 11), connections costing 10: 10 + 1 + 10·10 + 10 + 110 + 110 + 550 = 891.
        var response = await GraphQLWire.PostAsync(_http, new { query = Query.Replace("statements {", "statements(first: 11) {", StringComparison.Ordinal) });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", response.Code);
        Assert.Equal("The operation's complexity is 891; the maximum allowed is 821. Ask for smaller pages (first/last) or fewer nested fields.", response.Message);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task One_more_level_goes_over_the_depth_limit()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = "{ people { nodes { statements { nodes { evidence { article { key } } } } } } }" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_DEPTH_EXCEEDED", response.Code);
        Assert.Equal("The operation is 7 fields deep; the maximum allowed is 6.", response.Message);
        await GraphQLWire.AssertStillServesAsync(_http);
    }
}
