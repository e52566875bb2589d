namespace KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

/// <summary>
/// A clock that stands still until something waits on it: each timer advances the clock by its
/// due time and then fires. Backoff schedules become exact and take no real time.
/// </summary>
public sealed class SteppingClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private long _ticks;

    /// <summary>Every wait requested, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return _waits.ToArray();
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddTicks(GetTimestamp());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new Timer(_ => { }, null, Timeout.Infinite, Timeout.Infinite);
        }

        lock (_gate)
        {
            _waits.Add(dueTime);
        }

        Interlocked.Add(ref _ticks, dueTime.Ticks);

        // Fire on a real timer a moment later, so the caller holds its timer before the callback runs.
        return new Timer(callback, state, 1, Timeout.Infinite);
    }
}
