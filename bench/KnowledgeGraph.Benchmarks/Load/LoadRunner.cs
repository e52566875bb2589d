using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KnowledgeGraph.Benchmarks.Server;

namespace KnowledgeGraph.Benchmarks.Load;

/// <summary>One request a workload sends.</summary>
internal sealed record RequestTemplate(HttpMethod Method, string Path, byte[]? Body);

/// <summary>How hard and how long to drive a workload. Every run is bounded in requests and in time.</summary>
internal sealed record LoadOptions(int Concurrency, TimeSpan Warmup, TimeSpan Duration, int MaxRequests);

/// <summary>What one workload measured.</summary>
internal sealed record LoadResult(
    string Workload,
    int Concurrency,
    int Requests,
    int Errors,
    double Seconds,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double RoundTripsPerRequest,
    int MinRoundTrips,
    int MaxRoundTrips,
    double AllocatedBytesPerRequest,
    double ServerCpuMsPerRequest,
    double StoreMsPerRequest,
    double StoreCallsPerRequest,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double ServerP50Ms,
    double ServerP99Ms,
    string? FirstError)
{
    /// <summary>Which server answered: <see cref="Api"/> or <see cref="Peer"/>.</summary>
    public string Server { get; init; } = Api;

    public const string Api = "API";
    public const string Peer = "peer";

    /// <summary>The time the server was paused for garbage collection during the measured run, in ms (the API's only).</summary>
    public double GcPauseMs { get; init; }

    /// <summary>
    /// The load generator's own CPU per request over the measured window, in ms: utime + stime of
    /// the benchmark's process, which shares the machine's cores with the server. With the server
    /// in the same process it counts the server's work too.
    /// </summary>
    public double ClientCpuMsPerRequest { get; init; }

    /// <summary>The share of the measured wall time the server spent paused for garbage collection.</summary>
    public double GcPauseShare => Seconds == 0 ? 0 : GcPauseMs / (Seconds * 1000);

    /// <summary>Each measured request's latency in stopwatch ticks, sorted (for pooling runs).</summary>
    public long[] LatencyTicks { get; init; } = [];

    /// <summary>The server's own latency histogram over the run (the API's only).</summary>
    public long[] ServerLatencyBuckets { get; init; } = [];

    /// <summary>Whether the server reported its allocations and own latency (the API does, the peer does not).</summary>
    public bool HasServerCounters => Server == Api;

    /// <summary>Several runs of one workload on one server as one: sums, request-weighted means, percentiles of the pooled latencies.</summary>
    public static LoadResult Pool(IReadOnlyList<LoadResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 1)
        {
            return runs[0];
        }

        var n = runs.Sum(r => r.Requests);
        var seconds = runs.Sum(r => r.Seconds);
        double Weighted(Func<LoadResult, double> value) => n == 0 ? 0 : runs.Sum(r => value(r) * r.Requests) / n;
        var latencies = runs.SelectMany(r => r.LatencyTicks).ToArray();
        Array.Sort(latencies);
        var buckets = runs[0].ServerLatencyBuckets.Length == 0
            ? []
            : Enumerable.Range(0, runs[0].ServerLatencyBuckets.Length).Select(i => runs.Sum(r => r.ServerLatencyBuckets.ElementAtOrDefault(i))).ToArray();
        var first = runs[0];
        return new LoadResult(
            first.Workload,
            first.Concurrency,
            n,
            runs.Sum(r => r.Errors),
            seconds,
            seconds == 0 ? 0 : n / seconds,
            LoadRunner.Percentile(latencies, 0.50),
            LoadRunner.Percentile(latencies, 0.95),
            LoadRunner.Percentile(latencies, 0.99),
            LoadRunner.Percentile(latencies, 1.0),
            Weighted(r => r.RoundTripsPerRequest),
            runs.Min(r => r.MinRoundTrips),
            runs.Max(r => r.MaxRoundTrips),
            Weighted(r => r.AllocatedBytesPerRequest),
            Weighted(r => r.ServerCpuMsPerRequest),
            Weighted(r => r.StoreMsPerRequest),
            Weighted(r => r.StoreCallsPerRequest),
            runs.Sum(r => r.Gen0Collections),
            runs.Sum(r => r.Gen1Collections),
            runs.Sum(r => r.Gen2Collections),
            buckets.Length == 0 ? 0 : LatencyHistogram.Percentile(buckets, 0.50),
            buckets.Length == 0 ? 0 : LatencyHistogram.Percentile(buckets, 0.99),
            runs.Select(r => r.FirstError).FirstOrDefault(e => e is not null))
        {
            Server = first.Server,
            GcPauseMs = runs.Sum(r => r.GcPauseMs),
            ClientCpuMsPerRequest = Weighted(r => r.ClientCpuMsPerRequest),
            LatencyTicks = latencies,
            ServerLatencyBuckets = buckets,
        };
    }
}

/// <summary>
/// A closed-loop load generator: <see cref="LoadOptions.Concurrency"/> clients, each sending its
/// next request as soon as the previous answer is read, for a warm-up (discarded) and then a
/// measured run. Latency is measured per request from send to the last byte of the body.
/// </summary>
/// <remarks>
/// The server's counters (allocations, CPU, store calls) come from <paramref name="stats"/>:
/// by default the benchmark host's <c>/bench/stats</c>; for a server without it (the Node peer),
/// a reading of its process in <c>/proc</c>.
/// </remarks>
internal sealed class LoadRunner(HttpClient client, Func<CancellationToken, Task<ServerStats>>? stats = null, string server = LoadResult.Api)
{
    private static readonly byte[] ErrorsFirst = "{\"errors\""u8.ToArray();

    /// <summary>An HTTP client for loopback load: one pooled connection per concurrent client.</summary>
    public static HttpClient CreateClient(Uri baseAddress, int concurrency) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The server's counters now.</summary>
    public Task<ServerStats> StatsAsync(CancellationToken cancellationToken) =>
        stats is null ? HostStatsAsync(cancellationToken) : stats(cancellationToken);

    /// <summary>The counters of a server that has none of its own: its process's CPU time and resident memory (allocations unknown).</summary>
    public static Func<CancellationToken, Task<ServerStats>> ProcessStats(int pid) =>
        _ => Task.FromResult(new ServerStats(0, ProcStat.CpuMilliseconds(pid), 0, 0, 0, 0, 0, ProcStat.WorkingSetBytes(pid), []));

    private async Task<ServerStats> HostStatsAsync(CancellationToken cancellationToken) =>
        await client.GetFromJsonAsync<ServerStats>(BenchEndpoints.StatsPath, cancellationToken)
        ?? throw new InvalidOperationException("The server sent no stats.");

    /// <summary>Sends one request and returns its status, round trips and body.</summary>
    public async Task<(HttpStatusCode Status, int? RoundTrips, string Body)> SendOnceAsync(RequestTemplate template, CancellationToken cancellationToken)
    {
        using var request = Message(template);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, RoundTripsOf(response), body);
    }

    public async Task<LoadResult> RunAsync(string workload, Func<int, RequestTemplate> requestFor, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestFor);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Warmup > TimeSpan.Zero)
        {
            await PhaseAsync(requestFor, options.Concurrency, options.Warmup, options.MaxRequests, cancellationToken);
        }

        var before = await StatsAsync(cancellationToken);
        var clientBefore = Environment.CpuUsage.TotalTime;
        var phase = await PhaseAsync(requestFor, options.Concurrency, options.Duration, options.MaxRequests, cancellationToken);
        var clientCpu = Environment.CpuUsage.TotalTime - clientBefore;
        var after = await StatsAsync(cancellationToken);

        var n = phase.Completed;
        var latencies = phase.Latencies.AsSpan(0, n).ToArray();
        Array.Sort(latencies);
        var trips = phase.RoundTrips.AsSpan(0, n);
        long tripSum = 0;
        int minTrips = int.MaxValue, maxTrips = int.MinValue;
        foreach (var t in trips)
        {
            tripSum += t;
            minTrips = Math.Min(minTrips, t);
            maxTrips = Math.Max(maxTrips, t);
        }

        var serverLatency = after.LatencyBuckets.Zip(before.LatencyBuckets, (a, b) => a - b).ToArray();
        var hasHistogram = serverLatency.Length > 0;
        double PerRequest(double value) => n == 0 ? 0 : value / n;
        return new LoadResult(
            workload,
            options.Concurrency,
            n,
            phase.Errors,
            phase.Elapsed.TotalSeconds,
            n / phase.Elapsed.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99),
            Percentile(latencies, 1.0),
            PerRequest(tripSum),
            n == 0 ? 0 : minTrips,
            n == 0 ? 0 : maxTrips,
            PerRequest(after.AllocatedBytes - before.AllocatedBytes),
            PerRequest(after.CpuMilliseconds - before.CpuMilliseconds),
            PerRequest(after.StoreMilliseconds - before.StoreMilliseconds),
            PerRequest(after.StoreCalls - before.StoreCalls),
            after.Gen0Collections - before.Gen0Collections,
            after.Gen1Collections - before.Gen1Collections,
            after.Gen2Collections - before.Gen2Collections,
            hasHistogram ? LatencyHistogram.Percentile(serverLatency, 0.50) : 0,
            hasHistogram ? LatencyHistogram.Percentile(serverLatency, 0.99) : 0,
            phase.FirstError)
        {
            Server = server,
            GcPauseMs = after.GcPauseMilliseconds - before.GcPauseMilliseconds,
            ClientCpuMsPerRequest = PerRequest(clientCpu.TotalMilliseconds),
            LatencyTicks = latencies,
            ServerLatencyBuckets = serverLatency,
        };
    }

    /// <summary>Load without measuring: <paramref name="duration"/> of requests, to bring a server to its steady state.</summary>
    public Task WarmAsync(Func<int, RequestTemplate> requestFor, int concurrency, TimeSpan duration, CancellationToken cancellationToken) =>
        PhaseAsync(requestFor, concurrency, duration, 1_000_000, cancellationToken);

    private sealed record Phase(int Completed, int Errors, TimeSpan Elapsed, long[] Latencies, int[] RoundTrips, string? FirstError);

    private async Task<Phase> PhaseAsync(Func<int, RequestTemplate> requestFor, int concurrency, TimeSpan duration, int maxRequests, CancellationToken cancellationToken)
    {
        var latencies = new long[maxRequests];
        var roundTrips = new int[maxRequests];
        var next = -1;
        var completed = 0;
        var errors = 0;
        string? firstError = null;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task WorkerAsync()
        {
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= maxRequests)
                {
                    return;
                }

                using var request = Message(requestFor(i));
                var start = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                int length = 0, read;
                while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                }

                latencies[i] = Stopwatch.GetTimestamp() - start;
                roundTrips[i] = RoundTripsOf(response) ?? 0;
                Interlocked.Increment(ref completed);
                if (response.StatusCode != HttpStatusCode.OK || buffer.AsSpan(0, length).StartsWith(ErrorsFirst))
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        firstError = $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(buffer, 0, Math.Min(length, 500))}";
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);

        // Indices are claimed before they are sent, so every claimed index below the count completed.
        var count = Math.Min(completed, maxRequests);
        return new Phase(count, errors, elapsed, latencies, roundTrips, firstError);
    }

    private static HttpRequestMessage Message(RequestTemplate template)
    {
        var message = new HttpRequestMessage(template.Method, template.Path);
        message.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (template.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return message;
    }

    private static int? RoundTripsOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("KG-Store-Round-Trips", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var trips)
            ? trips
            : null;

    internal static double Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        // Nearest rank.
        var rank = (int)Math.Ceiling(p * sorted.Length);
        var index = Math.Clamp(rank - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }
}
