using System.Net;
using KnowledgeGraph.Benchmarks;
using KnowledgeGraph.Benchmarks.Corpus;
using KnowledgeGraph.Benchmarks.Load;
using KnowledgeGraph.Benchmarks.Peer;
using KnowledgeGraph.Benchmarks.Profile;
using KnowledgeGraph.Benchmarks.Server;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Benchmarks;

/// <summary>
/// The machinery of the side-by-side comparison and of the memory soak, at a tiny size and
/// without Node.js: the answer comparison, the per-process reading used for the peer, the
/// pooling of alternated runs and the working-set slope. The peer itself runs in the
/// benchmark command (its better-sqlite3 build takes minutes), not here.
/// </summary>
public sealed class PeerComparisonSmokeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kg-bench-peer-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Answers_count_as_the_same_only_with_equal_data_in_the_same_order_and_no_errors()
    {
        Assert.Null(AnswerCheck.Problem(HttpStatusCode.OK, """{"data":{"a":1,"b":[1,2]}}""", HttpStatusCode.OK, """{"data":{"a":1,"b":[1,2]}}"""));
        Assert.Equal("$: keys API a,b vs peer b,a", AnswerCheck.Problem(HttpStatusCode.OK, """{"data":{"a":1,"b":2}}""", HttpStatusCode.OK, """{"data":{"b":2,"a":1}}"""));
        Assert.Equal("$.n: length API 2 vs peer 1", AnswerCheck.Problem(HttpStatusCode.OK, """{"data":{"n":[1,2]}}""", HttpStatusCode.OK, """{"data":{"n":[1]}}"""));
        Assert.Equal("$.n[1].s: API \"x\" vs peer \"y\"", AnswerCheck.Problem(HttpStatusCode.OK, """{"data":{"n":[{"s":"x"},{"s":"x"}]}}""", HttpStatusCode.OK, """{"data":{"n":[{"s":"x"},{"s":"y"}]}}"""));
        Assert.Equal("$.n: API null vs peer 0", AnswerCheck.Problem(HttpStatusCode.OK, """{"data":{"n":null}}""", HttpStatusCode.OK, """{"data":{"n":0}}"""));
        Assert.Equal("errors API null, peer [{\"message\":\"no\"}]", AnswerCheck.Problem(HttpStatusCode.OK, """{"data":{"n":1}}""", HttpStatusCode.OK, """{"errors":[{"message":"no"}],"data":{"n":1}}"""));
        Assert.Equal("status API 500, peer 200", AnswerCheck.Problem(HttpStatusCode.InternalServerError, "{}", HttpStatusCode.OK, """{"data":{}}"""));
        Assert.Equal("data is null", AnswerCheck.Problem(HttpStatusCode.OK, """{"data":null}""", HttpStatusCode.OK, """{"data":null}"""));
    }

    [Fact]
    public async Task Two_real_servers_over_one_file_answer_identically_and_alternated_runs_pool_into_one_result()
    {
        var generator = new CorpusGenerator(new CorpusShape(1_000), seed: 7);
        var database = Path.Combine(_directory, "peer.db");
        await CorpusLoader.LoadAsync(generator, new SqliteGraphStore(database), chunkStatements: 500, progress: null, Cancel);

        await using var first = await ServerHandle.StartAsync(ServerMode.InProcess, database, Cancel);
        await using var second = await ServerHandle.StartAsync(ServerMode.InProcess, database, Cancel);
        using var firstClient = LoadRunner.CreateClient(first.BaseAddress, concurrency: 2);
        using var secondClient = LoadRunner.CreateClient(second.BaseAddress, concurrency: 2);
        var api = new LoadRunner(firstClient);

        // The second server read as the peer is: counters from /proc, not from the host.
        var other = new LoadRunner(secondClient, LoadRunner.ProcessStats(second.ProcessId), LoadResult.Peer);
        foreach (var workload in new[] { Workloads.Point(generator), Workloads.WhoSaid(generator), Workloads.Traverse(5) })
        {
            var comparison = await AnswerCheck.CompareAsync(api, other, workload, samples: 3, Cancel);
            Assert.Equal((workload.Name, 3, 3, 0), (comparison.Workload, comparison.Identical, comparison.Compared, comparison.Differences.Count));
        }

        // The server-wide warm-up is load like any other, only not measured: the host counts its store calls.
        var beforeWarmup = await api.StatsAsync(Cancel);
        await api.WarmAsync(Workloads.WhoSaid(generator).Request, concurrency: 2, TimeSpan.FromMilliseconds(300), Cancel);
        var afterWarmup = await api.StatsAsync(Cancel);
        Assert.True(afterWarmup.StoreCalls - beforeWarmup.StoreCalls >= 6, $"{afterWarmup.StoreCalls - beforeWarmup.StoreCalls} store calls while warming up");

        var load = new LoadOptions(Concurrency: 2, Warmup: TimeSpan.Zero, Duration: TimeSpan.FromSeconds(10), MaxRequests: 4);
        var runs = new List<LoadResult>();
        foreach (var runner in new[] { api, other, other, api })
        {
            runs.Add(await BenchmarkRun.RunWorkloadAsync(runner, Workloads.Point(generator), load, Cancel));
        }

        var pooledApi = LoadResult.Pool([runs[0], runs[3]]);
        var pooledPeer = LoadResult.Pool([runs[1], runs[2]]);
        Assert.Equal((LoadResult.Api, 8, 0, 1, 1, 8), (pooledApi.Server, pooledApi.Requests, pooledApi.Errors, pooledApi.MinRoundTrips, pooledApi.MaxRoundTrips, pooledApi.LatencyTicks.Length));
        Assert.Equal((LoadResult.Peer, 8, 0, 1, 1, 8), (pooledPeer.Server, pooledPeer.Requests, pooledPeer.Errors, pooledPeer.MinRoundTrips, pooledPeer.MaxRoundTrips, pooledPeer.LatencyTicks.Length));
        Assert.True(pooledApi.HasServerCounters);
        Assert.False(pooledPeer.HasServerCounters);
        Assert.Equal(runs[0].Seconds + runs[3].Seconds, pooledApi.Seconds, precision: 9);
        Assert.Equal(pooledApi.LatencyTicks.Order().ToArray(), pooledApi.LatencyTicks);
        Assert.True(pooledApi.AllocatedBytesPerRequest > 0, "the host reports its allocations");
        Assert.Equal(0, pooledPeer.AllocatedBytesPerRequest);
    }

    [Fact]
    public async Task A_short_soak_samples_the_working_set_and_reports_its_slope()
    {
        Assert.Equal(2.0, MemorySoak.Slope([new(0, 100L << 20), new(60, 102L << 20), new(120, 104L << 20)]), precision: 9);
        Assert.Equal(0.0, MemorySoak.Slope([new(0, 100L << 20), new(30, 101L << 20), new(60, 100L << 20)]), precision: 9);
        var growingHeap = new SoakResult(null!, [new(0, 300L << 20, 100L << 20), new(60, 300L << 20, 103L << 20), new(120, 300L << 20, 106L << 20)], SettleSeconds: 0);
        Assert.Equal(0.0, growingHeap.SlopeMiBPerMinute, precision: 9);
        Assert.Equal(3.0, growingHeap.AnonymousSlopeMiBPerMinute, precision: 9);
        Assert.Equal(106L << 20, growingHeap.PeakAnonymousBytes);

        var generator = new CorpusGenerator(new CorpusShape(1_000), seed: 7);
        var database = Path.Combine(_directory, "soak.db");
        await CorpusLoader.LoadAsync(generator, new SqliteGraphStore(database), chunkStatements: 500, progress: null, Cancel);
        await using var server = await ServerHandle.StartAsync(ServerMode.InProcess, database, Cancel);
        using var client = LoadRunner.CreateClient(server.BaseAddress, concurrency: 2);
        var load = new LoadOptions(Concurrency: 2, Warmup: TimeSpan.Zero, Duration: TimeSpan.FromSeconds(1.5), MaxRequests: 100_000);

        var soak = await MemorySoak.RunAsync(new LoadRunner(client), Workloads.Point(generator), server.ProcessId, load, TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(60), TextWriter.Null, Cancel);

        Assert.Equal(0, soak.Load.Errors);
        Assert.True(soak.Samples.Count >= 3, $"{soak.Samples.Count} samples");
        Assert.All(soak.Samples, s => Assert.True(s.AnonymousBytes > 0 && s.AnonymousBytes < s.WorkingSetBytes, $"anonymous {s.AnonymousBytes} of {s.WorkingSetBytes}"));
        Assert.Equal(soak.Samples.Max(s => s.WorkingSetBytes), soak.PeakBytes);
        Assert.Equal(soak.Samples.Max(s => s.AnonymousBytes), soak.PeakAnonymousBytes);
        Assert.Equal(soak.Load.Seconds / 3, soak.SettleSeconds, precision: 9);
        Assert.Contains("| 1,000 | point-lookup |", MemorySoak.Markdown(soak, "point-lookup", 1_000), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still open on this platform; the OS temp folder is cleaned eventually.
        }
    }
}
