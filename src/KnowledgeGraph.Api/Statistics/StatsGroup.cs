using KnowledgeGraph.Domain.Analytics;

namespace KnowledgeGraph.Api.Statistics;

/// <summary>What every group of one <c>statementStats</c> field shares: how it was asked for.</summary>
/// <param name="GroupBy">The grouped dimensions, in the order of the row keys.</param>
/// <param name="PlaceLevel">How places were rolled up.</param>
/// <param name="Bucket">The time bucket length.</param>
/// <param name="Zone">The time zone of bucket bounds.</param>
/// <param name="From">The first day counted, if limited.</param>
/// <param name="To">The last day counted, if limited.</param>
/// <param name="Where">The client's <c>where</c> as JSON input, or null.</param>
internal sealed record StatsContext(
    IReadOnlyList<StatDimension> GroupBy,
    PlaceLevel PlaceLevel,
    TimeBucket Bucket,
    TimeZoneInfo Zone,
    DateOnly? From,
    DateOnly? To,
    object? Where)
{
    /// <summary>The key of <paramref name="dimension"/> in <paramref name="row"/>, or null when it is not grouped.</summary>
    public string? Key(StatsRow row, StatDimension dimension)
    {
        for (var i = 0; i < GroupBy.Count; i++)
        {
            if (GroupBy[i] == dimension)
            {
                return row.Keys[i];
            }
        }

        return null;
    }

    /// <summary>The instant a day starts in <see cref="Zone"/>.</summary>
    public DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // A day that starts in a gap (a clock moved forward at midnight) starts when the gap ends.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}

/// <summary>One group of <c>statementStats</c>, with what it needs to describe itself.</summary>
internal sealed record StatsGroup(StatsRow Row, StatsContext Context);

/// <summary>A time bucket: its first day and the first day after it.</summary>
internal sealed record BucketRange(DateOnly StartDate, DateOnly EndDate, DateTimeOffset Start, DateTimeOffset End);
