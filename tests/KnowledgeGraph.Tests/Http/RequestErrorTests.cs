using System.Net;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Http;

/// <summary>Bad requests get a 4xx and an error that says what was wrong and where; never a 500 or a stack trace.</summary>
public sealed class RequestErrorTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string GraphQLResponse = "application/graphql-response+json; charset=utf-8";

    [Fact]
    public async Task A_malformed_body_is_a_400_that_names_the_problem()
    {
        var response = await GraphQLWire.SendRawAsync(api.Http, "{\"query\": \"{ places { totalCount } }\"");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(GraphQLResponse, response.ContentType);
        var (message, code) = response.FirstError;
        Assert.Equal("BAD_REQUEST", code);
        Assert.StartsWith("The request body is not valid JSON:", message, StringComparison.Ordinal);
        Assert.Null(response.Json!["data"]);
    }

    [Theory]
    [InlineData("[]", "The request body must be a JSON object, not an array.")]
    [InlineData("{}", "The request has no 'query': send the GraphQL document as a string in 'query'.")]
    [InlineData("{\"query\": 42}", "'query' must be a string, not a number.")]
    [InlineData("{\"query\": \"{ places { totalCount } }\", \"variables\": [1]}", "'variables' must be an object or null, not an array.")]
    [InlineData("{\"query\": \"{ places { totalCount } }\", \"operationName\": {}}", "'operationName' must be a string or null, not an object.")]
    public async Task Request_parameters_of_the_wrong_shape_are_400s(string body, string expected)
    {
        var response = await GraphQLWire.SendRawAsync(api.Http, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal((expected, "BAD_REQUEST"), response.FirstError);
    }

    [Fact]
    public async Task An_unknown_field_is_a_400_with_its_location()
    {
        var response = await GraphQLWire.PostAsync(api.Http, new { query = "{\n  places {\n    nodes { population }\n  }\n}" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var error = response.Errors![0]!;
        Assert.Equal("Cannot query field 'population' on type 'Place'.", error["message"]!.GetValue<string>());
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("[{\"line\":3,\"column\":13}]", error["locations"]!.ToJsonString());
        Assert.DoesNotContain("   at ", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_is_a_400_with_its_location()
    {
        var response = await GraphQLWire.PostAsync(api.Http, new { query = "{ places { nodes { name } }" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var error = response.Errors![0]!;
        Assert.Equal("SYNTAX_ERROR", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("[{\"line\":1,\"column\":28}]", error["locations"]!.ToJsonString());
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_a_400_that_names_the_variable()
    {
        var response = await GraphQLWire.PostAsync(api.Http, new { query = "query ($n: Int) { places(first: $n) { totalCount } }", variables = new { n = "ten" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var (message, code) = response.FirstError;
        Assert.Equal("INVALID_VALUE", code);
        Assert.Contains("Variable '$n' is invalid.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_a_405_that_allows_POST()
    {
        var response = await GraphQLWire.GetAsync(api.Http, new Dictionary<string, object> { ["query"] = "mutation { places { totalCount } }" });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("Mutations are not allowed over GET; send them with POST.", response.FirstError.Message);
    }

    [Fact]
    public async Task A_query_over_GET_runs()
    {
        var literal = (await GraphQLWire.GetAsync(api.Http, new Dictionary<string, object> { ["query"] = "{ places(where: { name: { eq: \"Kyiv\" } }) { nodes { key name } } }" })).EnsureNoErrors();
        Assert.Equal("{\"places\":{\"nodes\":[{\"key\":\"kyiv\",\"name\":\"Kyiv\"}]}}", literal.Data.ToJsonString());

        var withVariables = (await GraphQLWire.GetAsync(api.Http, new Dictionary<string, object> { ["query"] = "query ($name: String) { places(where: { name: { eq: $name } }) { nodes { key name } } }", ["variables"] = new { name = "Crimea" } })).EnsureNoErrors();
        Assert.Equal(GraphQLResponse, withVariables.ContentType);
        Assert.Equal("{\"places\":{\"nodes\":[{\"key\":\"crimea\",\"name\":\"Crimea\"}]}}", withVariables.Data.ToJsonString());
    }

    [Theory]
    [InlineData("application/json", HttpStatusCode.OK, "application/json; charset=utf-8")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", HttpStatusCode.OK, GraphQLResponse)]
    [InlineData("*/*", HttpStatusCode.OK, GraphQLResponse)]
    [InlineData("text/csv", HttpStatusCode.NotAcceptable, GraphQLResponse)]
    public async Task The_response_media_type_follows_the_Accept_header(string accept, HttpStatusCode status, string contentType)
    {
        var response = await GraphQLWire.PostAsync(api.Http, new { query = "{ places(first: 1) { totalCount } }" }, accept: accept);
        Assert.Equal((status, contentType), (response.Status, response.ContentType));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_415()
    {
        var response = await GraphQLWire.SendRawAsync(api.Http, "query { places { totalCount } }", contentType: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal(("The Content-Type 'text/plain' is not supported; send application/json.", "BAD_REQUEST"), response.FirstError);
    }

    [Fact]
    public async Task A_page_larger_than_the_cap_is_an_error_that_names_the_cap()
    {
        var response = await GraphQLWire.PostAsync(api.Http, new { query = "{ places(first: 500) { totalCount } }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(("Requesting more than 100 items per page is not allowed ('first' was 500).", "PAGE_SIZE_EXCEEDED"), response.FirstError);
        Assert.Equal("{\"places\":null}", response.Data.ToJsonString());
    }

    [Theory]
    [InlineData("{ places(first: 2, last: 2) { totalCount } }", "Pass either 'first' or 'last', not both.", "INVALID_PAGING")]
    [InlineData("{ places(first: -1) { totalCount } }", "'first' must not be negative (it was -1).", "INVALID_PAGING")]
    [InlineData("{ places(after: \"bm9wZQ==\") { totalCount } }", "The cursor 'bm9wZQ==' given as 'after' is not a cursor issued by this API.", "INVALID_CURSOR")]
    [InlineData("{ node(id: \"not an id\") { id } }", "'id': The id 'not an id' is not Base64.", "INVALID_ID")]
    [InlineData("{ node(id: \"Rm9vOmJhcg==\") { id } }", "'id': The id 'Rm9vOmJhcg==' does not name a node type (expected Base64 of 'Type:key').", "INVALID_ID")]
    [InlineData("{ statements(where: { id: { eq: \"UGxhY2U6a3lpdg==\" } }) { totalCount } }", "where.id.eq: the id 'UGxhY2U6a3lpdg==' is a Place id; expected a Statement id.", "INVALID_ID")]
    [InlineData("{ statements(where: { text: { contains: null } }) { totalCount } }", "where.text.contains: null is only allowed with 'eq' and 'neq'.", "INVALID_FILTER")]
    public async Task Bad_arguments_are_errors_that_say_what_and_where(string query, string message, string code)
    {
        var response = await GraphQLWire.PostAsync(api.Http, new { query });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal((message, code), response.FirstError);
    }

    [Fact]
    public async Task Ids_in_filters_select_by_global_id()
    {
        var response = await GraphQLWire.PostAsync(
            api.Http,
            new { query = "query ($id: ID!) { statements(where: { speaker: { person: { id: { eq: $id } } } }, order: [{ text: ASC }]) { nodes { key } } }", variables = new { id = Seed.Id(NodeType.Person, "kyrylo-budanov") } });
        Assert.Equal(
            "{\"statements\":{\"nodes\":[{\"key\":\"budanov-everything-according-to-plan\"},{\"key\":\"budanov-confirms-prisoner-exchange-preparations\"}]}}",
            response.EnsureNoErrors().Data.ToJsonString());
    }

    [Fact]
    public async Task Eq_null_selects_what_is_not_known()
    {
        var response = await GraphQLWire.PostAsync(api.Http, new { query = "{ unknown: statements(where: { date: { eq: null } }) { totalCount } known: statements(where: { date: { neq: null } }) { totalCount } }" });
        Assert.Equal("{\"unknown\":{\"totalCount\":19},\"known\":{\"totalCount\":2}}", response.EnsureNoErrors().Data.ToJsonString());
    }

    [Fact]
    public async Task Other_methods_are_405s()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/graphql");
        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Count > 0 ? response.Content.Headers.Allow : response.Headers.GetValues("Allow").SelectMany(v => v.Split(", ")));
    }
}
