using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Hostile;

/// <summary>
/// The classes of request that killed or pinned the process, sent to the API running as a
/// child process: each is refused with its code, quickly, and the same process then answers
/// an ordinary query; SIGTERM ends it promptly.
/// </summary>
public sealed class HostileProcessTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(10);

    private static async Task<(WireResponse Response, TimeSpan Elapsed)> PostAsync(HttpClient http, string query)
    {
        var started = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        var response = await GraphQLWire.SendAsync(http, request);
        return (response, started.Elapsed);
    }

    private static async Task AssertAliveAsync(ChildProcessApi api)
    {
        Assert.False(api.HasExited, api.HasExited ? $"the API exited with {api.ExitCode}" : null);
        await GraphQLWire.AssertStillServesAsync(api.Http);
    }

    [Fact]
    public async Task A_chain_of_fragments_is_refused_before_validation_recurses_and_the_process_lives()
    {
        await using var api = await ChildProcessApi.StartAsync();

        foreach (var (query, code) in new[]
                 {
                     (Attacks.FragmentChain(1100), "TOO_MANY_FRAGMENTS"),
                     (Attacks.FragmentChain(700, inline: true), "TOO_MANY_FRAGMENTS"),
                     (Attacks.FragmentChain(60), "FRAGMENTS_TOO_DEEP"),
                     (Attacks.NestedInlineFragments(5000), "MAX_NESTING_EXCEEDED"),
                 })
        {
            var (response, elapsed) = await PostAsync(api.Http, query);
            Assert.False(api.HasExited, $"the API died ({(api.HasExited ? api.ExitCode : 0)}) on a {query.Length}-character document");
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal(code, response.Code);
            Assert.True(elapsed < Quick, $"took {elapsed}");
        }

        await AssertAliveAsync(api);
    }

    [Fact]
    public async Task With_the_count_limits_lifted_the_spread_depth_still_stops_a_chain_of_3000()
    {
        await using var api = await ChildProcessApi.StartAsync(new Dictionary<string, string>
        {
            ["KG_GRAPHQL__MAXTOKENS"] = "0",
            ["KG_GRAPHQL__MAXFRAGMENTS"] = "0",
        });

        var (response, _) = await PostAsync(api.Http, Attacks.FragmentChain(3000, inline: true));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("FRAGMENTS_TOO_DEEP", response.Code);
        Assert.Equal("The operation spreads fragments inside fragments 3000 deep; the maximum allowed is 16. (line 1, column 1)", response.Message);
        await AssertAliveAsync(api);
    }

    [Fact]
    public async Task Work_that_grew_without_bound_is_refused_at_once()
    {
        await using var api = await ChildProcessApi.StartAsync();

        foreach (var (query, code) in new[]
                 {
                     (Attacks.DoublingFragments(15), "TOO_MANY_FIELDS"),
                     (Attacks.DoublingFragments(30), "FRAGMENTS_TOO_DEEP"),
                     (Attacks.RepeatedField(20_000), "DOCUMENT_TOO_LARGE"),
                     (Attacks.RepeatedField(9_000), "TOO_MANY_REPEATED_FIELDS"),
                 })
        {
            var (response, elapsed) = await PostAsync(api.Http, query);
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal(code, response.Code);
            Assert.True(elapsed < Quick, $"{code} took {elapsed}");
        }

        await AssertAliveAsync(api);
    }

    [Fact]
    public async Task SIGTERM_ends_the_process_promptly_even_with_hostile_requests_in_flight()
    {
        var api = await ChildProcessApi.StartAsync();
        await using var _ = api;
        var inFlight = Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await PostAsync(api.Http, i % 2 == 0 ? Attacks.DoublingFragments(30) : Attacks.RepeatedField(9_000));
            }
            catch (HttpRequestException)
            {
                // the server went away, as asked
            }
        }).ToArray();
        await Task.Delay(300, TestContext.Current.CancellationToken);

        var exit = await api.TerminateAsync(TimeSpan.FromSeconds(20));

        Assert.True(exit is not null, "the API did not exit within 20 s of SIGTERM");
        await Task.WhenAll(inFlight);
    }
}
