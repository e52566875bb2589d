using System.Net;
using GraphQL.Execution;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Protection;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protection;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Tests.Hostile;

/// <summary>
/// The classes of the hostile-client issue that need a host configured for them: the parser's
/// own depth limit with the nesting limit off, the response cap, the wide filter, and the
/// timeout reaching into the walks before execution.
/// </summary>
public sealed class HostileClassTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        // The pre-parse nesting limit off, so that the parser's own depth limit is what answers.
        _factory.Settings["GraphQL:MaxNesting"] = "0";
        _factory.Settings["GraphQL:MaxInputDepth"] = "0";
        _factory.Settings["GraphQL:MaxDepth"] = "0";
        _factory.Settings["GraphQL:MaxResponseBytes"] = "4096";
        _http = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("selection", 60)]
    [InlineData("selection", 400)]
    [InlineData("where", 40)]
    [InlineData("list", 300)]
    public async Task The_parsers_own_depth_limit_is_a_syntax_error_not_a_500(string shape, int depth)
    {
        var query = shape switch
        {
            "selection" => Attacks.DeepSelection(depth),
            "where" => Attacks.NestedWhere(depth),
            _ => Attacks.NestedList(depth),
        };

        var response = await GraphQLWire.PostAsync(_http, new { query });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("SYNTAX_ERROR", response.Code);
        Assert.StartsWith("Error parsing query: the document nests deeper than the parser allows. (line 1, column ", response.Message, StringComparison.Ordinal);
        Assert.Single(response.SingleError["locations"]!.AsArray());
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task An_answer_larger_than_the_cap_is_replaced_by_RESPONSE_TOO_LARGE()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = IntrospectionQuery.Full });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("RESPONSE_TOO_LARGE", response.Code);
        Assert.Equal("The answer is larger than 4096 bytes; select fewer fields or smaller pages.", response.Message);
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task An_answer_of_exactly_the_cap_is_served_whole_and_one_byte_more_is_refused()
    {
        // {"data":{"<alias>":"Query"}} is 21 bytes plus the alias: 4,075 characters make 4,096.
        static string Query(int aliasLength) => $"{{ {new string('a', aliasLength)}: __typename }}";

        var atCap = await GraphQLWire.PostAsync(_http, new { query = Query(4075) });
        var overCap = await GraphQLWire.PostAsync(_http, new { query = Query(4076) });

        Assert.Equal(HttpStatusCode.OK, atCap.Status);
        Assert.Equal($"{{\"data\":{{\"{new string('a', 4075)}\":\"Query\"}}}}", atCap.Text);
        Assert.Equal(4096, System.Text.Encoding.UTF8.GetByteCount(atCap.Text));
        Assert.Equal("4096", atCap.Headers["Content-Length"]);
        Assert.Equal(HttpStatusCode.BadRequest, overCap.Status);
        Assert.Equal("RESPONSE_TOO_LARGE", overCap.Code);
        Assert.Equal("The answer is larger than 4096 bytes; select fewer fields or smaller pages.", overCap.Message);
        ProtectionAssert.Clean(overCap);
    }

    [Theory]
    [InlineData(12, null)]
    [InlineData(13, "where: The filter nests relation filters 13 deep; a store translates at most 12 nested in one another.")]
    [InlineData(14, "where: The filter nests relation filters 14 deep; a store translates at most 12 nested in one another.")]
    public async Task A_chain_of_relation_filters_deeper_than_a_store_translates_is_INVALID_FILTER(int relations, string? refusal)
    {
        var where = "{ name: { eq: \"nowhere\" } }";
        for (var i = 0; i < relations; i++)
        {
            where = $"{{ containedIn: {where} }}";
        }

        var response = await GraphQLWire.PostAsync(_http, new { query = $"{{ places(where: {where}) {{ totalCount }} }}" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        if (refusal is null)
        {
            Assert.Equal("""{"data":{"places":{"totalCount":0}}}""", response.Text);
            return;
        }

        Assert.Equal("INVALID_FILTER", response.Code);
        Assert.Equal(refusal, response.Message);
        Assert.Equal("""{"places":null}""", response.Json!["data"]!.ToJsonString());
        ProtectionAssert.Clean(response);
    }

    [Fact]
    public async Task A_where_of_thousands_of_branches_is_INVALID_FILTER_not_an_internal_error()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = "query($w: PersonFilterInput) { people(where: $w) { totalCount } }", variables = new { w = Attacks.WideOrVariable(450) } });

        Assert.Equal(HttpStatusCode.OK, response.Status); // a field error: the operation ran
        Assert.Equal("INVALID_FILTER", response.Code);
        Assert.Equal("where: the filter has 451 conditions (comparisons, and/or entries, relation filters); the maximum allowed is 100.", response.Message);
        Assert.Equal("""{"people":null}""", response.Json!["data"]!.ToJsonString());
        ProtectionAssert.Clean(response);
    }

    [Fact]
    public void The_walks_before_execution_stop_when_the_timeout_fires()
    {
        var guard = new RequestGuard(new GraphQLDocumentBuilder(), Options.Create(new GraphQLOptions { MaxTokens = 0, MaxFields = 0, MaxRepeatedFields = 0, MaxAliases = 0 }));
        using var expired = new CancellationTokenSource();
        expired.Cancel();

        Assert.Throws<OperationCanceledException>(() => guard.Parse(Attacks.RepeatedField(50_000), expired.Token));
        Assert.Throws<OperationCanceledException>(() => DocumentScanner.Scan(Attacks.RepeatedField(5_000), new GraphQLOptions(), expired.Token));
    }
}
