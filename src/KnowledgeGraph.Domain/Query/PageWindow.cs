namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// The indices [<see cref="Offset"/>, <see cref="End"/>) of an ordered list that a
/// <see cref="PageRequest"/> selects, and how the rows read for it become a <see cref="Page{T}"/>.
/// Every store pages by this arithmetic; an adapter only says it in its own query language.
/// </summary>
/// <param name="Offset">The index of the first item of the window.</param>
/// <param name="Size">How many items the window holds; not clamped, so that a store asked for a negative size sees it.</param>
public readonly record struct PageWindow(int Offset, int Size)
{
    /// <summary>The index just past the window.</summary>
    public int End => Offset + Size;

    /// <summary>
    /// The window of <paramref name="page"/> when it can be placed without the list's length:
    /// every <c>first</c> request, and <c>last</c> before a cursor. <see langword="null"/> for
    /// <c>last</c> up to the end of the list, whose start depends on the length.
    /// </summary>
    public static PageWindow? WithoutTotal(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var start = page.RangeStart;
        if (page.Last is { } last)
        {
            if (page.Before is not { } end)
            {
                return null;
            }

            var offset = Math.Max(start, end - last);
            return new PageWindow(offset, Math.Max(0, end - offset));
        }

        var first = page.First ?? 0;
        return new PageWindow(start, page.Before is { } before ? Math.Max(0, Math.Min(first, before - start)) : first);
    }

    /// <summary>The window of <paramref name="page"/> over a list of <paramref name="total"/> items.</summary>
    public static PageWindow Within(PageRequest page, int total)
    {
        ArgumentNullException.ThrowIfNull(page);
        var start = page.RangeStart;
        var end = page.Before is { } before ? Math.Min(before, total) : total;
        var (low, high) = page.Last is { } last
            ? (Math.Max(start, end - last), end)
            : (start, Math.Min(end, start + (page.First ?? 0)));
        return new PageWindow(low, high - low);
    }

    /// <summary>Whether the item at <paramref name="index"/> of the list falls in the window.</summary>
    public bool Contains(int index) => index >= Offset && index < End;

    /// <summary>
    /// The page made of <paramref name="rows"/>, read from <see cref="Offset"/> with one row more
    /// than the window holds: that extra row, when it comes back, only says a next page exists.
    /// </summary>
    public Page<T> FromRowsWithOneMore<T>(IReadOnlyList<T> rows, int? totalCount)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var size = Math.Max(0, Size);
        var hasNext = rows.Count > size;
        return new Page<T>(hasNext ? rows.Take(size).ToArray() : rows, Offset, Offset > 0, hasNext, totalCount);
    }

    /// <summary>
    /// The page of <paramref name="items"/>, already cut to this window out of a list of
    /// <paramref name="total"/> items (a window past the end starts at the end).
    /// </summary>
    public Page<T> FromWindowOf<T>(IReadOnlyList<T> items, int total, bool includeTotalCount)
    {
        var offset = Math.Min(Offset, total);
        return new Page<T>(items, offset, offset > 0, Math.Max(End, offset) < total, includeTotalCount ? total : null);
    }
}
