using System.Diagnostics;
using System.Net;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Hostile;

/// <summary>
/// The whole battery, sent concurrently twice over, while a prober asks an ordinary question:
/// every probe is answered correctly and in bounded time, and the managed heap returns to its
/// baseline afterwards. The numbers are written to the test output.
/// </summary>
public sealed class HostileLoadTests : IAsyncLifetime
{
    private const string Probe = "{ people(first: 1) { totalCount nodes { key } } }";

    private readonly ApiFactory _factory = new();
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _http = _factory.CreateClient();
        await GraphQLWire.AssertStillServesAsync(_http);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private async Task<TimeSpan> ProbeAsync()
    {
        var started = Stopwatch.StartNew();
        var response = await GraphQLWire.PostAsync(_http, new { query = Probe });
        var elapsed = started.Elapsed;
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json!["errors"]);
        Assert.Equal(4, response.Json["data"]!["people"]!["totalCount"]!.GetValue<int>());
        return elapsed;
    }

    [Fact]
    public async Task The_server_answers_an_ordinary_query_while_the_battery_runs_and_its_memory_returns()
    {
        var quiet = new List<TimeSpan>();
        for (var i = 0; i < 20; i++)
        {
            quiet.Add(await ProbeAsync());
        }

        var baseline = Heap();
        var fingerprint = BatteryHost.Fingerprint(_factory.DatabasePath);
        var cases = HostileBattery.All.Concat(HostileBattery.All).ToArray();
        var next = -1;
        var sent = 0;
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var probes = new List<TimeSpan>();
        var prober = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                probes.Add(await ProbeAsync());
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(50, CancellationToken.None);
            }
        }, CancellationToken.None);
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < cases.Length)
            {
                await HostileAssert.RunAsync(_http, cases[index]);
                Interlocked.Increment(ref sent);
            }
        }, CancellationToken.None)).ToArray();
        var started = Stopwatch.StartNew();
        await Task.WhenAll(workers);
        var batteryTime = started.Elapsed;
        await done.CancelAsync();
        await prober;
        var after = Heap();

        static double Ms(TimeSpan t) => Math.Round(t.TotalMilliseconds, 1);
        static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);
        var report = $"hostile load: {sent} hostile requests by 8 workers in {Ms(batteryTime)} ms; {probes.Count} probes during it, "
            + $"median {Ms(Median(probes))} ms, max {Ms(probes.Max())} ms (quiet median {Ms(Median(quiet))} ms, max {Ms(quiet.Max())} ms); "
            + $"managed heap {baseline / 1024 / 1024} MiB before, {peak / 1024 / 1024} MiB at peak, {after / 1024 / 1024} MiB after";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);

        Assert.Equal(cases.Length, sent);
        Assert.NotEmpty(probes);
        Assert.True(probes.Max() < TimeSpan.FromSeconds(10), report);
        Assert.True(after < baseline + (64L * 1024 * 1024), report);
        Assert.Equal(fingerprint, BatteryHost.Fingerprint(_factory.DatabasePath));
        await GraphQLWire.AssertStillServesAsync(_http);
    }
}
