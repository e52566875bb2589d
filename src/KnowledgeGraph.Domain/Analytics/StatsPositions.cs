using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Domain.Analytics;

/// <summary>
/// Statement statistics sorted by count page by <see cref="SortPosition"/>: a group's position is
/// its count, then its key for each grouped dimension (which together name the group), so a
/// page asked after a group starts after that count and those keys whatever was added since.
/// </summary>
public static class StatsPositions
{
    /// <summary>The values of a position for these groups and order; null where cursors are indices (the order has no count).</summary>
    public static int? Length(IReadOnlyList<StatDimension> groupBy, IReadOnlyList<StatSort> order)
    {
        ArgumentNullException.ThrowIfNull(groupBy);
        ArgumentNullException.ThrowIfNull(order);
        return order.Any(o => o.Dimension is null) ? groupBy.Count + 1 : null;
    }

    /// <summary>The position of <paramref name="row"/>.</summary>
    public static SortPosition Of(StatsRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new SortPosition([(long)row.Count, .. row.Keys]);
    }
}
