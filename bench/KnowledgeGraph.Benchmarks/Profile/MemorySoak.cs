using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnowledgeGraph.Benchmarks.Load;
using KnowledgeGraph.Benchmarks.Server;

namespace KnowledgeGraph.Benchmarks.Profile;

/// <summary>
/// One reading of the server's resident memory during a soak: all of it, and its anonymous part
/// (the heaps; a file the server maps, such as SQLite's database, counts only in the total).
/// </summary>
internal sealed record MemorySample(double Seconds, long WorkingSetBytes, long AnonymousBytes = 0)
{
    public static MemorySample Read(double seconds, int pid)
    {
        var resident = ProcStat.Resident(pid);
        return new MemorySample(seconds, resident.Total, resident.Anonymous);
    }
}

/// <summary>What a soak measured: the load, the samples, the peak and the trend.</summary>
internal sealed record SoakResult(LoadResult Load, IReadOnlyList<MemorySample> Samples, double SettleSeconds)
{
    public long PeakBytes => Samples.Count == 0 ? 0 : Samples.Max(s => s.WorkingSetBytes);

    /// <summary>The peak of the anonymous part alone.</summary>
    public long PeakAnonymousBytes => Samples.Count == 0 ? 0 : Samples.Max(s => s.AnonymousBytes);

    /// <summary>The least-squares slope of the working set over the samples after the settling time, in MiB per minute.</summary>
    public double SlopeMiBPerMinute => MemorySoak.Slope(Samples.Where(s => s.Seconds >= SettleSeconds).ToList());

    /// <summary>The same slope of the anonymous part alone.</summary>
    public double AnonymousSlopeMiBPerMinute =>
        MemorySoak.Slope(Samples.Where(s => s.Seconds >= SettleSeconds).Select(s => s with { WorkingSetBytes = s.AnonymousBytes }).ToList());
}

/// <summary>
/// Memory under sustained load: drives a workload for a long run and samples the server
/// process's resident set (VmRSS, <c>/proc</c>) every few seconds, then reports the peak and
/// the slope (least squares, MiB per minute) after a settling time; a server that keeps
/// memory it should let go shows a slope that does not fall to about zero.
/// </summary>
internal static class MemorySoak
{
    public static async Task<SoakResult> RunAsync(
        LoadRunner runner, Workload workload, int pid, LoadOptions load, TimeSpan every, TimeSpan settle, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(log);
        await BenchmarkRun.CheckAsync(runner, workload, 0, cancellationToken);

        var samples = new List<MemorySample>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            do
            {
                var sample = MemorySample.Read(Stopwatch.GetElapsedTime(started).TotalSeconds, pid);
                samples.Add(sample);
                await log.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {sample.Seconds,6:F0} s  working set {sample.WorkingSetBytes / 1_048_576.0,8:N1} MiB, anonymous {sample.AnonymousBytes / 1_048_576.0,8:N1} MiB"));
            }
            while (await NextAsync(timer, stop.Token));
        }, CancellationToken.None);

        LoadResult result;
        try
        {
            result = await runner.RunAsync(workload.Name, workload.Request, load with { Warmup = TimeSpan.Zero }, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await sampler;
        }

        samples.Add(MemorySample.Read(Stopwatch.GetElapsedTime(started).TotalSeconds, pid));
        return new SoakResult(result, samples, Math.Min(settle.TotalSeconds, result.Seconds / 3));
    }

    /// <summary>The least-squares slope of working set (MiB) against time (minutes); 0 for fewer than two samples.</summary>
    public static double Slope(IReadOnlyList<MemorySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count < 2)
        {
            return 0;
        }

        var meanT = samples.Average(s => s.Seconds / 60);
        var meanM = samples.Average(s => s.WorkingSetBytes / 1_048_576.0);
        var num = samples.Sum(s => (s.Seconds / 60 - meanT) * (s.WorkingSetBytes / 1_048_576.0 - meanM));
        var den = samples.Sum(s => Math.Pow(s.Seconds / 60 - meanT, 2));
        return den == 0 ? 0 : num / den;
    }

    public static string Markdown(SoakResult soak, string workload, int statements)
    {
        ArgumentNullException.ThrowIfNull(soak);
        var c = CultureInfo.InvariantCulture;
        var r = soak.Load;
        var text = new StringBuilder();
        text.AppendLine(c, $"| statements | workload | seconds | requests | req/s | p99 ms | errors | samples | first MiB | peak MiB | last MiB | slope after {soak.SettleSeconds:F0} s | peak anonymous MiB | anonymous slope |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(c, $"| {statements:N0} | {workload} | {r.Seconds:F0} | {r.Requests:N0} | {r.RequestsPerSecond:N0} | {r.P99Ms:F2} | {r.Errors} | {soak.Samples.Count} | "
            + $"{Mib(soak.Samples[0].WorkingSetBytes)} | **{Mib(soak.PeakBytes)}** | {Mib(soak.Samples[^1].WorkingSetBytes)} | **{soak.SlopeMiBPerMinute:+0.00;-0.00;0.00} MiB/min** | "
            + $"{Mib(soak.PeakAnonymousBytes)} | {soak.AnonymousSlopeMiBPerMinute:+0.00;-0.00;0.00} MiB/min |");
        text.AppendLine();
        text.AppendLine("Anonymous memory is the heaps, the garbage collector's among them; the working set also counts the file-backed pages the server maps, its binaries and the part of the database SQLite maps (`Sqlite:MemoryMapMiB`), which are the operating system's file cache.");
        return text.ToString();
    }

    private static string Mib(long bytes) => (bytes / 1_048_576.0).ToString("N1", CultureInfo.InvariantCulture);

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
