using System.Net;
using System.Text.Json.Nodes;
using KnowledgeGraph.Benchmarks.Corpus;
using KnowledgeGraph.Benchmarks.Load;
using KnowledgeGraph.Benchmarks.Peer;
using KnowledgeGraph.Benchmarks.Server;

namespace KnowledgeGraph.Benchmarks;

/// <summary>The settings of one benchmark run.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<int> Sizes,
    int Seed,
    LoadOptions Load,
    string DataDirectory,
    ServerMode Server,
    IReadOnlyList<string> Workloads,
    int ChunkStatements)
{
    /// <summary>The Node.js peer beside the API (off by default in code; the <c>run</c> command turns it on).</summary>
    public PeerOptions Peer { get; init; } = PeerOptions.Off;

    /// <summary>
    /// Unmeasured load on each server before the first measured workload, shared among the chosen
    /// workloads: .NET's tiered JIT keeps recompiling hot code for tens of seconds after start
    /// (and V8 its own), which a long-running server has long finished.
    /// </summary>
    public TimeSpan ServerWarmup { get; init; } = TimeSpan.Zero;
}

/// <summary>Whether and how the Node.js peer runs beside the API.</summary>
/// <param name="Enabled">Start the peer (skipped with the reason when Node.js or npm is absent).</param>
/// <param name="Workers">Peer processes behind one port (node:cluster); 1 is one Node process.</param>
/// <param name="Rounds">Measured runs per server per workload, alternating API, peer, peer, API, ….</param>
/// <param name="Samples">Requests per workload whose <c>data</c> must be identical on both before measuring.</param>
/// <param name="Directory">The peer's folder (default: <c>bench/peer</c> above the current folder).</param>
internal sealed record PeerOptions(bool Enabled, int Workers, int Rounds, int Samples, string? Directory)
{
    public static PeerOptions Off { get; } = new(false, 1, 1, 0, null);
}

/// <summary>Everything measured at one corpus size.</summary>
internal sealed record SizeResult(
    int Statements,
    LoadReport Load,
    bool LoadReused,
    ServerMode Server,
    IReadOnlyList<LoadResult> Results,
    string? StatementStatsUnavailable)
{
    /// <summary>The peer's results, one per workload it serves (empty when it did not run).</summary>
    public IReadOnlyList<LoadResult> PeerResults { get; init; } = [];

    /// <summary>The answer comparisons made before measuring.</summary>
    public IReadOnlyList<AnswerComparison> Comparisons { get; init; } = [];

    /// <summary>Why the peer did not run, or null when it ran (or was not asked for).</summary>
    public string? PeerSkipped { get; init; }

    /// <summary>What the peer said when ready (flavour, statement cache, workers).</summary>
    public string? PeerBanner { get; init; }
}

/// <summary>
/// Runs the benchmark: for each corpus size, a database (generated and loaded once, then
/// reused), the real server over it, and each workload driven over HTTP.
/// </summary>
internal static class BenchmarkRun
{
    /// <summary>Every workload, in the order they run.</summary>
    public static IReadOnlyList<string> AllWorkloads { get; } =
    [
        Workloads.Bare, Workloads.PointLookup, Workloads.WhoSaidWhat,
        .. Workloads.TraversalParents.Select(Workloads.TraversalName),
        Workloads.StatementStats,
    ];

    public static async Task<IReadOnlyList<SizeResult>> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var results = new List<SizeResult>();
        foreach (var size in options.Sizes)
        {
            var (path, load, reused) = await CorpusLoader.EnsureDatabaseAsync(options.DataDirectory, size, options.Seed, options.ChunkStatements, log, cancellationToken);
            await log.WriteLineAsync(reused
                ? $"Using {path} ({size:N0} statements, loaded earlier in {load.Elapsed.TotalSeconds:F1} s)."
                : $"Loaded {size:N0} statements in {load.Elapsed.TotalSeconds:F1} s, peak working set {load.PeakWorkingSetBytes / 1_048_576.0:N0} MiB, database {load.DatabaseBytes / 1_048_576.0:N0} MiB.");
            results.Add(await RunSizeAsync(options, size, path, load, reused, log, cancellationToken));
        }

        return results;
    }

    public static async Task<SizeResult> RunSizeAsync(
        BenchOptions options,
        int size,
        string databasePath,
        LoadReport load,
        bool reused,
        TextWriter log,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var corpus = new CorpusGenerator(new CorpusShape(size), options.Seed);
        await using var server = await ServerHandle.StartAsync(options.Server, databasePath, cancellationToken);
        using var client = LoadRunner.CreateClient(server.BaseAddress, options.Load.Concurrency);
        var runner = new LoadRunner(client);
        await log.WriteLineAsync($"Server ({server.Mode}) at {server.BaseAddress} over {size:N0} statements.");

        // The peer starts after the API, which applies its schema to the file at start-up; the peer only reads it.
        var (peer, peerSkipped) = await StartPeerAsync(options, databasePath, log, cancellationToken);
        await using var peerHandle = peer;
        using var peerClient = peer is null ? null : LoadRunner.CreateClient(peer.BaseAddress, options.Load.Concurrency);
        var peerRunner = peer is null ? null : new LoadRunner(peerClient!, LoadRunner.ProcessStats(peer.ProcessId), LoadResult.Peer);
        if (peer is not null)
        {
            await log.WriteLineAsync($"Peer (pid {peer.ProcessId}) at {peer.BaseAddress}: {peer.Banner}.");
        }

        var comparisons = new List<AnswerComparison>();
        if (peerRunner is not null)
        {
            await log.WriteLineAsync($"Same answers? The first {options.Peer.Samples} requests of each workload, `data` compared exactly:");
            foreach (var name in options.Workloads.Where(NodePeer.Serves))
            {
                var comparison = await AnswerCheck.CompareAsync(runner, peerRunner, Create(name, corpus), options.Peer.Samples, cancellationToken);
                comparisons.Add(comparison);
                await log.WriteLineAsync($"  {name,-16} {comparison.Identical}/{comparison.Compared} identical");
                foreach (var difference in comparison.Differences)
                {
                    await log.WriteLineAsync("    " + difference);
                }
            }

            if (comparisons.Any(c => !c.Same))
            {
                throw new InvalidOperationException("The API and the peer answer differently (above): their figures would not be comparable.");
            }
        }

        if (options.ServerWarmup > TimeSpan.Zero)
        {
            await WarmAsync(LoadResult.Api, runner, options, corpus, _ => true, log, cancellationToken);
            if (peerRunner is not null)
            {
                await WarmAsync(LoadResult.Peer, peerRunner, options, corpus, NodePeer.Serves, log, cancellationToken);
            }
        }

        var results = new List<LoadResult>();
        var peerResults = new List<LoadResult>();
        string? statsUnavailable = null;
        foreach (var name in options.Workloads)
        {
            if (name == Workloads.StatementStats)
            {
                statsUnavailable = await ProbeStatementStatsAsync(runner, cancellationToken);
                if (statsUnavailable is not null)
                {
                    await log.WriteLineAsync($"  {name,-16} {statsUnavailable}");
                    continue;
                }
            }

            var workload = Create(name, corpus);
            if (peerRunner is null || !NodePeer.Serves(name))
            {
                var result = await RunWorkloadAsync(runner, workload, options.Load, cancellationToken);
                results.Add(result);
                await log.WriteLineAsync(Line(name, result));
                continue;
            }

            // Alternate, so that a drift of the machine weighs on both alike: API, peer, peer, API, ….
            var apiRuns = new List<LoadResult>();
            var peerRuns = new List<LoadResult>();
            for (var round = 0; round < options.Peer.Rounds; round++)
            {
                foreach (var side in round % 2 == 0 ? new[] { LoadResult.Api, LoadResult.Peer } : [LoadResult.Peer, LoadResult.Api])
                {
                    var one = await RunWorkloadAsync(side == LoadResult.Api ? runner : peerRunner, workload, options.Load, cancellationToken);
                    (side == LoadResult.Api ? apiRuns : peerRuns).Add(one);
                    await log.WriteLineAsync(Line($"{name} {side} #{round + 1}", one));
                }
            }

            results.Add(LoadResult.Pool(apiRuns));
            peerResults.Add(LoadResult.Pool(peerRuns));
        }

        return new SizeResult(size, load, reused, server.Mode, results, statsUnavailable)
        {
            PeerResults = peerResults,
            Comparisons = comparisons,
            PeerSkipped = peerSkipped,
            PeerBanner = peer?.Banner,
        };
    }

    /// <summary>Loads one server with each chosen workload it serves in turn, for an equal share of <see cref="BenchOptions.ServerWarmup"/>.</summary>
    private static async Task WarmAsync(string side, LoadRunner runner, BenchOptions options, CorpusGenerator corpus, Func<string, bool> serves, TextWriter log, CancellationToken cancellationToken)
    {
        // statement-stats is probed before it is run (a schema without it is reported, not warmed).
        var names = options.Workloads.Where(serves).Where(n => n != Workloads.StatementStats).ToList();
        if (names.Count == 0)
        {
            return;
        }

        var share = options.ServerWarmup / names.Count;
        await log.WriteLineAsync($"Warming the {side} up: {options.ServerWarmup.TotalSeconds:N0} s, {share.TotalSeconds:N1} s of each of {string.Join(", ", names)}, unmeasured.");
        foreach (var name in names)
        {
            await runner.WarmAsync(Create(name, corpus).Request, options.Load.Concurrency, share, cancellationToken);
        }
    }

    private static string Line(string label, LoadResult result) =>
        $"  {label,-22} {result.RequestsPerSecond,8:N0} req/s  p50 {result.P50Ms,6:F2} ms  p95 {result.P95Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms  "
        + $"{result.ServerCpuMsPerRequest,7:F3} ms CPU/req (load generator {result.ClientCpuMsPerRequest:F3})  "
        + (result.HasServerCounters ? $"{result.AllocatedBytesPerRequest / 1024,7:N1} KiB/req  " : string.Empty)
        + $"{result.RoundTripsPerRequest:F2} store calls/req  {result.Errors} errors";

    /// <summary>Starts the peer when asked for and possible; otherwise says why not (printed and reported).</summary>
    private static async Task<(NodePeer? Peer, string? Skipped)> StartPeerAsync(BenchOptions options, string databasePath, TextWriter log, CancellationToken cancellationToken)
    {
        if (!options.Peer.Enabled)
        {
            return (null, null);
        }

        string? why = null;
        if (!options.Workloads.Any(NodePeer.Serves))
        {
            why = "none of the chosen workloads is one the peer serves (point-lookup, who-said-what, traversal-N)";
        }
        else if (options.Server != ServerMode.Process)
        {
            why = "the API runs in the load generator's process (--server InProcess), so its CPU per request would not be its own";
        }
        else if (!ProcStat.Available)
        {
            why = "no /proc here to read the peer's CPU time from";
        }

        var directory = NodePeer.Locate(options.Peer.Directory);
        if (why is null && directory is null)
        {
            why = options.Peer.Directory is null
                ? "bench/peer/server.js is not found above the current folder (run from the repository, or pass --peer-dir)"
                : $"{options.Peer.Directory}/server.js does not exist";
        }

        why ??= await NodePeer.UnavailableReasonAsync(cancellationToken);
        why ??= await NodePeer.EnsureInstalledAsync(directory!, log, cancellationToken);
        if (why is not null)
        {
            await log.WriteLineAsync($"Node.js peer skipped: {why}.");
            return (null, why);
        }

        return (await NodePeer.StartAsync(directory!, databasePath, options.Peer.Workers, cancellationToken), null);
    }


    public static Workload Create(string name, CorpusGenerator corpus) => name switch
    {
        Workloads.Bare => Workloads.BareLookup(corpus),
        Workloads.PointLookup => Workloads.Point(corpus),
        Workloads.WhoSaidWhat => Workloads.WhoSaid(corpus),
        Workloads.StatementStats => Workloads.Stats(),
        _ when name.StartsWith(Workloads.Traversal + "-", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(Workloads.Traversal.Length + 1), out var parents) => Workloads.Traverse(parents),
        _ => throw new ArgumentException($"Unknown workload '{name}'.", nameof(name)),
    };

    /// <summary>Checks one answer, then drives the workload.</summary>
    public static async Task<LoadResult> RunWorkloadAsync(LoadRunner runner, Workload workload, LoadOptions load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(workload);
        await CheckAsync(runner, workload, 0, cancellationToken);
        return await runner.RunAsync(workload.Name, workload.Request, load, cancellationToken);
    }

    /// <summary>Sends request <paramref name="index"/> once and fails unless its answer is clean and has the expected shape.</summary>
    public static async Task<int?> CheckAsync(LoadRunner runner, Workload workload, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(workload);
        var (status, roundTrips, body) = await runner.SendOnceAsync(workload.Request(index), cancellationToken);
        var json = status == HttpStatusCode.OK ? JsonNode.Parse(body) : null;
        var problem = json is null ? $"status {(int)status}"
            : json["errors"] is JsonArray { Count: > 0 } ? "errors"
            : json["data"] is not { } data ? "no data"
            : workload.Check(data);
        return problem is null
            ? roundTrips
            : throw new InvalidOperationException($"The {workload.Name} workload got a wrong answer ({problem}): {body[..Math.Min(body.Length, 1000)]}");
    }

    /// <summary>Null when <c>Query.statementStats</c> exists; otherwise why the workload is not available.</summary>
    public static async Task<string?> ProbeStatementStatsAsync(LoadRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var probe = new RequestTemplate(HttpMethod.Post, "/graphql", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { query = Workloads.StatementStatsProbe }));
        var (_, _, body) = await runner.SendOnceAsync(probe, cancellationToken);
        var fields = JsonNode.Parse(body)?["data"]?["__type"]?["fields"] as JsonArray;
        var exists = fields?.Any(f => f?["name"]?.GetValue<string>() == "statementStats") ?? false;
        return exists ? null : "not available: the schema has no `Query.statementStats` field yet";
    }
}
