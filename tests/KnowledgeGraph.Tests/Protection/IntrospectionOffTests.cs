using System.Net;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Protection;

/// <summary>KG_GRAPHQL__INTROSPECTION=false: no introspection, and no field suggestions that would leak the schema.</summary>
public sealed class IntrospectionOffTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["GraphQL:Introspection"] = "false";
        _http = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Statement\") { fields { name } } }")]
    public async Task Introspection_is_refused(string query)
    {
        var response = await GraphQLWire.PostAsync(_http, new { query });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("NO_INTROSPECTION", response.Code);
        Assert.Equal("Introspection queries are not allowed.", response.Message);
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    [Fact]
    public async Task Typename_still_works_for_clients_that_add_it_everywhere()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = "{ __typename people(first: 1) { __typename } }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"__typename":"Query","people":{"__typename":"PersonConnection"}}""", response.Json!["data"]!.ToJsonString());
    }

    [Theory]
    [InlineData("{ peple { totalCount } }", "FIELDS_ON_CORRECT_TYPE", "Cannot query field 'peple' on type 'Query'.")]
    [InlineData("{ people(frist: 1) { totalCount } }", "KNOWN_ARGUMENT_NAMES", "Unknown argument 'frist' on field 'people' of type 'Query'.")]
    [InlineData("query($w: PersonFilterInpt) { people(where: $w) { totalCount } }", "KNOWN_TYPE_NAMES", "Unknown type PersonFilterInpt.")]
    public async Task Errors_do_not_suggest_names(string query, string code, string message)
    {
        var response = await GraphQLWire.PostAsync(_http, new { query });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var error = Assert.Single(response.Errors, e => e!["extensions"]!["code"]!.GetValue<string>() == code);
        Assert.Equal(message, error!["message"]!.GetValue<string>());
        Assert.DoesNotContain("Did you mean", response.Text, StringComparison.Ordinal);
        ProtectionAssert.Clean(response);
        await GraphQLWire.AssertStillServesAsync(_http);
    }
}
