using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Benchmarks.Server;

/// <summary>
/// What the benchmark adds to the host, in front of its pipeline:
/// <list type="bullet">
/// <item><c>GET /bench/bare?id=…</c> — the baseline: the same store lookup as the point-lookup
/// workload (<c>IGraphStore.GetAsync&lt;Person&gt;</c> for one key) written as the same JSON
/// shape, with no GraphQL and no endpoint routing in between;</item>
/// <item><c>GET /bench/stats</c> — the server process's counters (allocated bytes, CPU time,
/// store calls and their CPU time, collections and the time paused for them, a histogram of
/// server-side latency), read
/// before and after each measured run.</item>
/// </list>
/// </summary>
internal sealed class BenchEndpoints : IStartupFilter
{
    public const string BarePath = "/bench/bare";
    public const string StatsPath = "/bench/stats";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var path = context.Request.Path;
            if (path.Equals(BarePath, StringComparison.Ordinal))
            {
                var start = Stopwatch.GetTimestamp();
                await BareAsync(context);
                LatencyHistogram.Record(Stopwatch.GetTimestamp() - start);
            }
            else if (path.Equals(StatsPath, StringComparison.Ordinal))
            {
                await StatsAsync(context);
            }
            else
            {
                var start = Stopwatch.GetTimestamp();
                await nextMiddleware(context);
                LatencyHistogram.Record(Stopwatch.GetTimestamp() - start);
            }
        });
        next(app);
    };

    private static async Task BareAsync(HttpContext context)
    {
        var store = context.RequestServices.GetRequiredService<IGraphStore>();
        if (!NodeId.TryDecode(context.Request.Query["id"], out var id, out var error) || id.Type != NodeType.Person)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(error.Length > 0 ? error : "Expected a Person id.", context.RequestAborted);
            return;
        }

        using var scope = StoreCallCounter.BeginScope();
        var found = await store.GetAsync<Person>([id.Key], context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers["KG-Store-Round-Trips"] = scope.Count.ToString(CultureInfo.InvariantCulture);
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteStartObject("data");
        if (found.Count == 0)
        {
            json.WriteNull("node");
        }
        else
        {
            var person = found[0];
            json.WriteStartObject("node");
            json.WriteString("id", person.Id.Encode());
            json.WriteString("name", person.Name);
            json.WriteString("description", person.Description);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static async Task StatsAsync(HttpContext context)
    {
        var timer = context.RequestServices.GetRequiredService<StoreTimer>();
        using var process = Process.GetCurrentProcess();
        var stats = new ServerStats(
            GC.GetTotalAllocatedBytes(precise: true),
            process.TotalProcessorTime.TotalMilliseconds,
            timer.Calls,
            timer.Milliseconds,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            process.WorkingSet64,
            LatencyHistogram.Snapshot())
        {
            GcPauseMilliseconds = GC.GetTotalPauseDuration().TotalMilliseconds,
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, stats, cancellationToken: context.RequestAborted);
    }
}

/// <summary>A reading of the server process's counters.</summary>
internal sealed record ServerStats(
    long AllocatedBytes,
    double CpuMilliseconds,
    long StoreCalls,
    double StoreMilliseconds,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    long WorkingSetBytes,
    long[] LatencyBuckets)
{
    /// <summary>The time the process has spent paused for garbage collection since it started (the API's only).</summary>
    public double GcPauseMilliseconds { get; init; }
}
