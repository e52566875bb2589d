using System.Runtime.InteropServices;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Benchmarks.Server;

/// <summary>CPU time spent inside the store port, summed over all requests.</summary>
/// <remarks>
/// Thread CPU time, not wall time: under 32 concurrent clients on two cores a call's wall time
/// mostly measures waiting for a core. SQLite calls run synchronously on the calling thread
/// (Microsoft.Data.Sqlite's async methods complete synchronously), so the thread's CPU clock
/// read before and after a call is that call's cost.
/// </remarks>
internal static partial class StoreClock
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>This thread's CPU time in nanoseconds, or 0 where the clock is unavailable.</summary>
    public static long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        return ClockGetTime(ThreadCpuTimeClock, out var time) == 0 ? time.Seconds * 1_000_000_000 + time.Nanoseconds : 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}

/// <summary>Store calls and the CPU time they took, summed over all requests.</summary>
internal sealed class StoreTimer
{
    private long _calls;
    private long _nanoseconds;

    public long Calls => Interlocked.Read(ref _calls);

    public double Milliseconds => Interlocked.Read(ref _nanoseconds) / 1e6;

    public void Add(long nanoseconds)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _nanoseconds, nanoseconds);
    }
}

/// <summary>
/// Wraps the store port to time each call, so that a request's CPU cost splits into "in the
/// store" and "everything else" (HTTP, GraphQL parsing, validation, execution, serialisation).
/// </summary>
internal sealed class TimedGraphStore(IGraphStore inner, StoreTimer timer) : IGraphStore
{
    public async Task<IReadOnlyList<T>> GetAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node
    {
        var start = StoreClock.ThreadCpuNanoseconds();
        try
        {
            return await inner.GetAsync<T>(keys, cancellationToken);
        }
        finally
        {
            timer.Add(StoreClock.ThreadCpuNanoseconds() - start);
        }
    }

    public async Task<IReadOnlyDictionary<string, T>> ResolveAsync<T>(IReadOnlyCollection<string> keys, RecordParts parts, CancellationToken cancellationToken)
        where T : Node
    {
        var start = StoreClock.ThreadCpuNanoseconds();
        try
        {
            return await inner.ResolveAsync<T>(keys, parts, cancellationToken);
        }
        finally
        {
            timer.Add(StoreClock.ThreadCpuNanoseconds() - start);
        }
    }

    public async Task<Page<T>> ListAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : Node
    {
        var start = StoreClock.ThreadCpuNanoseconds();
        try
        {
            return await inner.ListAsync<T>(where, order, page, cancellationToken);
        }
        finally
        {
            timer.Add(StoreClock.ThreadCpuNanoseconds() - start);
        }
    }

    public async Task<IReadOnlyDictionary<string, Page<T>>> ExpandAsync<T>(
        Relation<T> relation,
        IReadOnlyCollection<string> parentKeys,
        Filter? where,
        IReadOnlyList<SortField> order,
        PageRequest page,
        CancellationToken cancellationToken)
        where T : class
    {
        var start = StoreClock.ThreadCpuNanoseconds();
        try
        {
            return await inner.ExpandAsync(relation, parentKeys, where, order, page, cancellationToken);
        }
        finally
        {
            timer.Add(StoreClock.ThreadCpuNanoseconds() - start);
        }
    }
}
