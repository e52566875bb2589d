using System.Net;
using System.Text.Json.Nodes;
using KnowledgeGraph.Benchmarks.Corpus;
using KnowledgeGraph.Benchmarks.Load;
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
    int ChunkStatements);

/// <summary>Everything measured at one corpus size.</summary>
internal sealed record SizeResult(
    int Statements,
    LoadReport Load,
    bool LoadReused,
    ServerMode Server,
    IReadOnlyList<LoadResult> Results,
    string? StatementStatsUnavailable);

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

        var results = new List<LoadResult>();
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
            var result = await RunWorkloadAsync(runner, workload, options.Load, cancellationToken);
            results.Add(result);
            await log.WriteLineAsync(
                $"  {name,-16} {result.RequestsPerSecond,8:N0} req/s  p50 {result.P50Ms,6:F2} ms  p95 {result.P95Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms  "
                + $"{result.AllocatedBytesPerRequest / 1024,7:N1} KiB/req  {result.RoundTripsPerRequest:F2} store calls/req  {result.Errors} errors");
        }

        return new SizeResult(size, load, reused, server.Mode, results, statsUnavailable);
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
