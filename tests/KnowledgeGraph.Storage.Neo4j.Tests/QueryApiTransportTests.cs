using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>
/// How the store talks to the Query API: the request it sends, how each documented error shape
/// maps to a <see cref="StoreException"/> code and message, and the bounded retries.
/// </summary>
public sealed class QueryApiTransportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly JsonNode KyivRow = new JsonObject
    {
        ["key"] = "kyiv",
        ["name"] = "Kyiv",
        ["kind"] = "CITY",
        ["aliases"] = new JsonArray("Kiev"),
        ["containedIn"] = "ukraine",
    };

    private static readonly Place Kyiv = new("kyiv", "Kyiv", PlaceKind.City, ["Kiev"], "ukraine");

    [Fact]
    public async Task A_statement_is_one_POST_to_the_query_endpoint_with_basic_auth_and_parameters()
    {
        await using var h = await StoreHarness.StartAsync(new Dictionary<string, string?> { ["Database"] = "news" });
        h.Api.Responder = _ => Reply.Rows(["record"], [KyivRow]);

        var places = await h.Store.GetAsync<Place>(["kyiv", "atlantis", "kyiv"], Cancel);

        AssertPlace(Kyiv, Assert.Single(places));
        var request = Assert.Single(h.Api.Requests);
        Assert.Equal(("POST", "/db/news/query/v2"), (request.Method, request.Path));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:secret-password")), request.Authorization);
        Assert.Equal("application/json", request.Accept);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("""{"keys":["kyiv","atlantis"]}""", request.Parameters.ToJsonString());
        Assert.StartsWith("MATCH (t:Place) WHERE t.key IN $keys", request.Statement, StringComparison.Ordinal);
        Assert.Equal(1, h.Counter.Total);
    }

    [Fact]
    public async Task A_bearer_token_replaces_basic_authentication()
    {
        await using var h = await StoreHarness.StartAsync(new Dictionary<string, string?> { ["BearerToken"] = "eyJ.token" });
        await h.Store.IsEmptyAsync(Cancel);
        Assert.Equal("Bearer eyJ.token", Assert.Single(h.Api.Requests).Authorization);
    }

    [Fact]
    public async Task Typed_JSON_values_decode_exactly_like_plain_ones()
    {
        await using var h = await StoreHarness.StartAsync();
        var statement = new JsonObject
        {
            ["key"] = "s1",
            ["text"] = "We will not recognise it.",
            ["kind"] = "REJECTION",
            ["direct"] = true,
            ["date"] = "2025-06-02",
            ["speakerPerson"] = null,
            ["speakerOrganisation"] = "government-of-ukraine",
            ["saidAt"] = "kyiv",
            ["negotiation"] = "istanbul-peace-talks",
            ["respondsTo"] = "s0",
            ["about"] = new JsonArray("crimea", "donetsk-oblast"),
            ["evidence"] = new JsonArray(
                new JsonObject { ["article"] = "a1", ["start"] = 10, ["end"] = 35, ["text"] = "We will not recognise it." },
                new JsonObject { ["article"] = "a2", ["start"] = 0, ["end"] = 25, ["text"] = "We will not recognise it." }),
        };
        var expected = new Statement(
            "s1", "We will not recognise it.", StatementKind.Rejection, true, new SpeakerRef(SpeakerType.Organisation, "government-of-ukraine"),
            "kyiv", new DateOnly(2025, 6, 2), ["crimea", "donetsk-oblast"], "istanbul-peace-talks", "s0",
            [new Evidence("a1", 10, 35, "We will not recognise it."), new Evidence("a2", 0, 25, "We will not recognise it.")]);

        h.Api.Responder = _ => Reply.Rows(["record"], [statement]);
        var plain = Assert.Single(await h.Store.GetAsync<Statement>(["s1"], Cancel));
        h.Api.Responder = _ => Reply.Rows(["record"], [Reply.Typed(statement)]);
        var typed = Assert.Single(await h.Store.GetAsync<Statement>(["s1"], Cancel));

        foreach (var decoded in new[] { plain, typed })
        {
            Assert.Equal(
                (expected.Key, expected.Text, expected.Kind, expected.Direct, expected.Speaker, expected.SaidAtKey, expected.Date, expected.NegotiationKey, expected.RespondsToKey),
                (decoded.Key, decoded.Text, decoded.Kind, decoded.Direct, decoded.Speaker, decoded.SaidAtKey, decoded.Date, decoded.NegotiationKey, decoded.RespondsToKey));
            Assert.Equal(expected.AboutKeys, decoded.AboutKeys);
            Assert.Equal(expected.Evidence, decoded.Evidence);
        }
    }

    public static TheoryData<int, string?, string, string> ErrorShapes => new()
    {
        // Status, Neo4j code (null: no error body), expected StoreException code, expected message.
        { 400, "Neo.ClientError.Statement.SyntaxError", StoreException.Failed, "Neo4j rejected the statement (Neo.ClientError.Statement.SyntaxError)." },
        { 400, "Neo.ClientError.Statement.SemanticError", StoreException.Failed, "Neo4j rejected the statement (Neo.ClientError.Statement.SemanticError)." },
        { 400, "Neo.ClientError.Statement.ParameterMissing", StoreException.Failed, "Neo4j rejected the statement (Neo.ClientError.Statement.ParameterMissing)." },
        { 401, "Neo.ClientError.Security.Unauthorized", StoreException.AuthFailed, "Neo4j refused the configured credentials (Neo.ClientError.Security.Unauthorized)." },
        { 401, null, StoreException.AuthFailed, "Neo4j refused the configured credentials (HTTP 401)." },
        { 403, "Neo.ClientError.Security.Forbidden", StoreException.AuthFailed, "Neo4j denied the configured user access to database 'news' (Neo.ClientError.Security.Forbidden)." },
        { 404, "Neo.ClientError.Database.DatabaseNotFound", StoreException.Unavailable, "Neo4j has no database named 'news' (Neo.ClientError.Database.DatabaseNotFound)." },
        { 404, null, StoreException.Unavailable, "Neo4j answered 404 for database 'news': the database does not exist, or the server has no Query API (Neo4j 5.25 or later)." },
        { 301, null, StoreException.Failed, "Neo4j answered with a redirect (HTTP 301); configure its final address as Neo4j:Uri." },
        { 415, null, StoreException.Failed, "Neo4j rejected the request (HTTP 415)." },
    };

    [Theory]
    [MemberData(nameof(ErrorShapes))]
    public async Task Each_error_answer_maps_to_a_code_and_a_message_without_server_internals(int status, string? neo4jCode, string code, string message)
    {
        await using var h = await StoreHarness.StartAsync(new Dictionary<string, string?> { ["Database"] = "news" });
        const string serverMessage = "Invalid input 'RETRN': expected 'RETURN' (line 1, column 19 (offset: 18))\n\"MATCH (t:Place) RETRN t\"";
        h.Api.Responder = _ => neo4jCode is null ? new Reply(status, null) : Reply.Error(status, neo4jCode, serverMessage);

        var error = await Assert.ThrowsAsync<StoreException>(() => h.Store.GetAsync<Place>(["kyiv"], Cancel));

        Assert.Equal((code, message), (error.Code, error.Message));
        Assert.DoesNotContain("MATCH", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RETRN", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Api.RequestCount);
        Assert.Equal(1, h.Counter.Total);
    }

    [Theory]
    [InlineData("Neo.ClientError.Statement.ArithmeticError", "Neo4j rejected the statement (Neo.ClientError.Statement.ArithmeticError).")]
    [InlineData("Neo.Unknown.Category.Code", "Neo4j failed while running the statement (Neo.Unknown.Category.Code).")]
    public async Task Errors_inside_a_202_answer_fail_the_call_instead_of_returning_partial_rows(string neo4jCode, string message)
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.ErrorWhileStreaming(["record"], neo4jCode, "/ by zero");

        var error = await Assert.ThrowsAsync<StoreException>(() => h.Store.GetAsync<Place>(["kyiv"], Cancel));

        Assert.Equal((StoreException.Failed, message), (error.Code, error.Message));
        Assert.Equal(1, h.Api.RequestCount);
    }

    [Fact]
    public async Task A_DatabaseError_inside_a_202_is_retried_like_one_with_HTTP_500()
    {
        // Budget 1 s, first wait 100 ms: three waits fit, as for an HTTP 500.
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.ErrorWhileStreaming(["record"], "Neo.DatabaseError.Statement.ExecutionFailed", "java.lang.OutOfMemoryError");

        var error = await Assert.ThrowsAsync<StoreException>(() => h.Store.GetAsync<Place>(["kyiv"], Cancel));

        Assert.Equal(
            (StoreException.Unavailable, "Neo4j is unavailable: a database error while running the statement (Neo.DatabaseError.Statement.ExecutionFailed). Gave up after 4 attempt(s) in 0.7 s."),
            (error.Code, error.Message));
        Assert.Equal(4, h.Api.RequestCount);
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)], h.Clock!.Waits);
    }

    [Fact]
    public async Task A_DatabaseError_inside_a_202_then_rows_succeeds()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Flaky(1, Reply.ErrorWhileStreaming(["record"], "Neo.DatabaseError.General.UnknownError", "boom"), Reply.Rows(["record"], [KyivRow]));
        AssertPlace(Kyiv, Assert.Single(await h.Store.GetAsync<Place>(["kyiv"], Cancel)));
        Assert.Equal(2, h.Api.RequestCount);
    }

    [Fact]
    public async Task A_202_answer_that_is_not_a_query_result_is_an_error()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => new Reply(202, "<html>proxy</html>");
        var error = await Assert.ThrowsAsync<StoreException>(() => h.Store.GetAsync<Place>(["kyiv"], Cancel));
        Assert.Equal((StoreException.Failed, "Neo4j's answer could not be read as a Query API result."), (error.Code, error.Message));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_exponential_backoff_until_the_budget_is_spent()
    {
        // Budget 1 s, first wait 100 ms: waits of 100, 200 and 400 ms fit (700 ms); 800 more would not.
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Error(500, "Neo.DatabaseError.General.UnknownError", "java.lang.NullPointerException at org.neo4j…");

        var error = await Assert.ThrowsAsync<StoreException>(() => h.Store.GetAsync<Place>(["kyiv"], Cancel));

        Assert.Equal(StoreException.Unavailable, error.Code);
        Assert.Equal("Neo4j is unavailable: HTTP 500 (Neo.DatabaseError.General.UnknownError). Gave up after 4 attempt(s) in 0.7 s.", error.Message);
        Assert.Equal(4, h.Api.RequestCount);
        Assert.Equal(4, h.Counter.Total);
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)], h.Clock!.Waits);
    }

    [Fact]
    public async Task The_wait_between_attempts_is_capped()
    {
        await using var h = await StoreHarness.StartAsync(new Dictionary<string, string?> { ["RetryBudget"] = "00:00:02", ["MaxRetryDelay"] = "00:00:00.300" });
        h.Api.Responder = _ => new Reply(503, null);

        var error = await Assert.ThrowsAsync<StoreException>(() => h.Store.IsEmptyAsync(Cancel));

        Assert.Equal("Neo4j is unavailable: HTTP 503. Gave up after 8 attempt(s) in 1.8 s.", error.Message);
        Assert.Equal(
            [100, 200, 300, 300, 300, 300, 300],
            h.Clock!.Waits.Select(w => (int)w.TotalMilliseconds));
    }

    [Fact]
    public async Task A_flaky_server_answering_503_twice_succeeds_on_the_third_attempt()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Flaky(2, new Reply(503, null), Reply.Rows(["record"], [KyivRow]));

        var places = await h.Store.GetAsync<Place>(["kyiv"], Cancel);

        AssertPlace(Kyiv, Assert.Single(places));
        Assert.Equal(3, h.Api.RequestCount);
        Assert.Equal(3, h.Counter.Total);
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], h.Clock!.Waits);
        Assert.All(h.Api.Requests, r => Assert.Equal(h.Api.Requests[0].Statement, r.Statement));
    }

    [Fact]
    public async Task Connection_resets_are_retried()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Flaky(2, new Reply(0, null, Abort: true), Reply.Rows(["empty"], [JsonValue.Create(false)]));

        Assert.False(await h.Store.IsEmptyAsync(Cancel));
        Assert.Equal(3, h.Api.RequestCount);
        Assert.Equal(3, h.Counter.Total);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Throttling_and_gateway_errors_are_transient(int status)
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Flaky(1, new Reply(status, null), Reply.Rows(["empty"], [JsonValue.Create(true)]));
        Assert.True(await h.Store.IsEmptyAsync(Cancel));
        Assert.Equal(2, h.Api.RequestCount);
    }

    [Fact]
    public async Task A_transient_Neo4j_error_inside_a_202_is_retried()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Flaky(1, Reply.ErrorWhileStreaming(["empty"], "Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient[…] can't acquire"), Reply.Rows(["empty"], [JsonValue.Create(true)]));
        Assert.True(await h.Store.IsEmptyAsync(Cancel));
        Assert.Equal(2, h.Api.RequestCount);
        Assert.Equal(2, h.Counter.Total);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_unavailable()
    {
        var port = FreePort();
        await using var h = await StoreHarness.StartAsync(new Dictionary<string, string?> { ["Uri"] = $"http://127.0.0.1:{port}" });

        var error = await Assert.ThrowsAsync<StoreException>(() => h.Store.IsEmptyAsync(Cancel));

        Assert.Equal(StoreException.Unavailable, error.Code);
        Assert.Equal("Neo4j is unavailable: the connection was refused or lost. Gave up after 4 attempt(s) in 0.7 s.", error.Message);
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Equal(4, h.Counter.Total);
    }

    [Fact]
    public async Task With_no_retry_budget_a_transient_failure_is_reported_at_once()
    {
        await using var h = await StoreHarness.StartAsync(new Dictionary<string, string?> { ["RetryBudget"] = "00:00:00" });
        h.Api.Responder = _ => new Reply(503, null);
        var error = await Assert.ThrowsAsync<StoreException>(() => h.Store.IsEmptyAsync(Cancel));
        Assert.Equal("Neo4j is unavailable: HTTP 503. Gave up after 1 attempt(s) in 0.0 s.", error.Message);
        Assert.Equal(1, h.Api.RequestCount);
    }

    [Fact]
    public async Task The_retry_budget_bounds_the_time_spent_retrying()
    {
        // Budget 300 ms, first wait 50 ms: waits of 50 and 100 ms fit (150 ms); 200 more would not.
        await using var h = await StoreHarness.StartAsync(new Dictionary<string, string?> { ["RetryBudget"] = "00:00:00.300", ["RetryDelay"] = "00:00:00.050" });
        h.Api.Responder = _ => new Reply(503, null);

        var error = await Assert.ThrowsAsync<StoreException>(() => h.Store.IsEmptyAsync(Cancel));

        Assert.Equal(StoreException.Unavailable, error.Code);
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)], h.Clock!.Waits);
        Assert.Equal(TimeSpan.FromMilliseconds(150), TimeSpan.FromTicks(h.Clock.GetTimestamp()));
        Assert.Equal(3, h.Api.RequestCount);
        Assert.Equal(h.Api.RequestCount, h.Counter.Total);
    }

    [Fact]
    public async Task A_request_slower_than_the_timeout_is_reported_as_a_timeout_without_retrying()
    {
        await using var h = await StoreHarness.StartAsync(new Dictionary<string, string?> { ["RequestTimeout"] = "00:00:00.200" });
        h.Api.Responder = _ => Reply.Rows(["empty"], [JsonValue.Create(true)]) with { Delay = TimeSpan.FromSeconds(3) };

        var error = await Assert.ThrowsAsync<StoreException>(() => h.Store.IsEmptyAsync(Cancel));

        Assert.Equal((StoreException.Timeout, "Neo4j did not answer within 0.2 s."), (error.Code, error.Message));
        Assert.Equal(1, h.Api.RequestCount);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_a_store_error()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Empty() with { Delay = TimeSpan.FromSeconds(3) };
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Store.IsEmptyAsync(cancel.Token));
    }

    [Fact]
    public async Task Invalid_settings_are_rejected_when_the_store_is_built()
    {
        await using var h = await StoreHarness.StartAsync();
        var options = new Neo4jStoreOptions { Uri = new Uri("ftp://example.invalid"), Database = " " };
        var error = Assert.Throws<ArgumentException>(() => new Neo4jGraphStore(new HttpClient(), options, new RoundTripCounter()));
        Assert.StartsWith(
            "Neo4j:Uri must be an absolute http or https address, such as http://localhost:7474. Neo4j:Database must name a database, such as neo4j.",
            error.Message,
            StringComparison.Ordinal);
    }

    private static void AssertPlace(Place expected, Place actual)
    {
        Assert.Equal((expected.Key, expected.Name, expected.Kind, expected.ContainedInKey), (actual.Key, actual.Name, actual.Kind, actual.ContainedInKey));
        Assert.Equal(expected.Aliases, actual.Aliases);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
