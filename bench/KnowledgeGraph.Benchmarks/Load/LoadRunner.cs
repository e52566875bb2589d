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
    string? FirstError);

/// <summary>
/// A closed-loop load generator: <see cref="LoadOptions.Concurrency"/> clients, each sending its
/// next request as soon as the previous answer is read, for a warm-up (discarded) and then a
/// measured run. Latency is measured per request from send to the last byte of the body.
/// </summary>
internal sealed class LoadRunner(HttpClient client)
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

    public async Task<ServerStats> StatsAsync(CancellationToken cancellationToken) =>
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
        var phase = await PhaseAsync(requestFor, options.Concurrency, options.Duration, options.MaxRequests, cancellationToken);
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
            LatencyHistogram.Percentile(serverLatency, 0.50),
            LatencyHistogram.Percentile(serverLatency, 0.99),
            phase.FirstError);
    }

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

    private static double Percentile(long[] sorted, double p)
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
