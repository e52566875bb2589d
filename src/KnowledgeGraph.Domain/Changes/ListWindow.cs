using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Domain.Changes;

/// <summary>
/// The window arithmetic of a store list, shared by the stores' change-log reads: a forward
/// window <c>[Skip, Skip + Limit)</c> with one row beyond it (to know whether a next page
/// exists), or, for <c>last</c> without <c>before</c>, the tail read in reverse order.
/// </summary>
/// <param name="FromTail">Read the list in reverse and take at most <see cref="Limit"/> rows.</param>
/// <param name="Skip">Rows to skip (forward only).</param>
/// <param name="Limit">Rows to read.</param>
/// <param name="NeedsTotal">Whether the total must be counted (asked for, or needed to place a tail).</param>
public readonly record struct ListWindow(bool FromTail, int Skip, int Limit, bool NeedsTotal)
{
    /// <summary>The window of <paramref name="page"/>.</summary>
    public static ListWindow Plan(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var start = page.RangeStart;
        if (page.Last is { } tail && page.Before is null)
        {
            return new ListWindow(true, 0, Math.Max(0, tail), true);
        }

        int offset, size;
        if (page.Last is { } last)
        {
            offset = Math.Max(start, page.Before!.Value - last);
            size = Math.Max(0, page.Before!.Value - offset);
        }
        else
        {
            var first = page.First ?? 0;
            offset = start;
            size = page.Before is { } before ? Math.Max(0, Math.Min(first, before - start)) : Math.Max(0, first);
        }

        return new ListWindow(false, Math.Max(0, offset), size + 1, page.IncludeTotalCount);
    }

    /// <summary>The page, from the rows read (in reverse for a tail) and the total (when counted).</summary>
    public Page<T> Cut<T>(IReadOnlyList<T> rows, int total, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(page);
        int windowStart, windowSize;
        List<T> items;
        if (FromTail)
        {
            // The forward index of the i-th reversed row is total - 1 - i.
            windowStart = Math.Max(page.RangeStart, total - page.Last!.Value);
            windowSize = Math.Max(0, total - windowStart);
            var from = Math.Max(0, windowStart);
            var to = Math.Min(total, from + windowSize + 1);
            items = rows.Where((_, i) => total - 1 - i >= from && total - 1 - i < to).Reverse().ToList();
        }
        else
        {
            windowStart = Skip;
            windowSize = Math.Max(0, Limit - 1);
            items = rows.ToList();
        }

        var hasNext = items.Count > windowSize;
        if (hasNext)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new Page<T>(items, windowStart, windowStart > 0, hasNext, page.IncludeTotalCount ? total : null);
    }
}
