using System.Net;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Protocol;

/// <summary>Media types and the request id, as the GraphQL-over-HTTP spec and the logs need them.</summary>
public sealed class HttpProtocolTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = api.Factory.CreateClient();

    [Theory]
    [InlineData(null, "application/graphql-response+json")]
    [InlineData("*/*", "application/graphql-response+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    public async Task The_response_media_type_follows_the_Accept_header(string? accept, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var response = await GraphQLWire.SendAsync(_http, request);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, response.MediaType);
    }

    [Fact]
    public async Task Every_response_names_its_request_id_and_errors_repeat_it()
    {
        var ok = await GraphQLWire.PostAsync(_http, new { query = "{ __typename }" });
        var error = await GraphQLWire.PostAsync(_http, new { query = "{ __typename" });

        Assert.False(string.IsNullOrEmpty(ok.Header(GraphQLWire.RequestIdHeader)));
        Assert.Equal("SYNTAX_ERROR", error.Code);
        Assert.Equal(error.Header(GraphQLWire.RequestIdHeader), error.RequestId);
        Assert.NotEqual(ok.Header(GraphQLWire.RequestIdHeader), error.Header(GraphQLWire.RequestIdHeader));
    }

    [Fact]
    public async Task Errors_before_execution_carry_a_code_and_the_request_id()
    {
        var notAcceptable = await GraphQLWire.PostAsync(_http, new { query = "{ __typename }" }, accept: "text/csv");
        var mutationOverGet = await GraphQLWire.GetAsync(_http, new Dictionary<string, object> { ["query"] = "mutation { __typename }" });

        Assert.Equal(HttpStatusCode.NotAcceptable, notAcceptable.Status);
        Assert.Equal("BAD_REQUEST", notAcceptable.Code);
        Assert.Equal(notAcceptable.Header(GraphQLWire.RequestIdHeader), notAcceptable.RequestId);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutationOverGet.Status);
        Assert.Equal("Mutations are not allowed over GET; send them with POST.", mutationOverGet.Message);
        Assert.Equal(mutationOverGet.Header(GraphQLWire.RequestIdHeader), mutationOverGet.RequestId);
    }

    [Fact]
    public async Task A_mutation_without_an_API_key_is_the_clients_error_with_its_own_code()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = "mutation { importBundle(input: { bundle: \"{}\" }) { accepted } }" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", response.Code);
        Assert.Equal("This operation needs an API key: send it in the X-Api-Key header or as Authorization: Bearer.", response.Message);
        Assert.Equal(response.Header(GraphQLWire.RequestIdHeader), response.RequestId);
    }
}
