using System.Diagnostics;

namespace KnowledgeGraph.Benchmarks.Server;

/// <summary>
/// Server-side request latency (from the request reaching the pipeline to the response being
/// written), in buckets 5 % wide from 10 µs: enough to tell the server's own percentiles from
/// the load generator's, which on a 2-core machine include waiting to be scheduled.
/// </summary>
internal static class LatencyHistogram
{
    public const int Buckets = 320;
    private const double FirstMicroseconds = 10;
    private static readonly double Growth = Math.Log(1.05);
    private static readonly long[] Counts = new long[Buckets];

    public static void Record(long stopwatchTicks)
    {
        var microseconds = stopwatchTicks * 1_000_000.0 / Stopwatch.Frequency;
        var bucket = microseconds <= FirstMicroseconds ? 0 : (int)(Math.Log(microseconds / FirstMicroseconds) / Growth);
        Interlocked.Increment(ref Counts[Math.Min(bucket, Buckets - 1)]);
    }

    public static long[] Snapshot() => Counts.Select(c => Interlocked.Read(ref c)).ToArray();

    /// <summary>The upper bound, in milliseconds, of the bucket holding percentile <paramref name="p"/> of the counts.</summary>
    public static double Percentile(long[] counts, double p)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return FirstMicroseconds * Math.Exp(Growth * (i + 1)) / 1000;
            }
        }

        return double.PositiveInfinity;
    }
}
