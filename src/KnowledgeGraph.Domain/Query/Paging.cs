namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// A window over an ordered list, in the Relay shape: cursors are item indices.
/// Exactly one of <see cref="First"/> and <see cref="Last"/> is set.
/// </summary>
/// <param name="First">Take this many from the start of the range.</param>
/// <param name="Last">Take this many from the end of the range.</param>
/// <param name="After">Range starts after this index.</param>
/// <param name="Before">Range ends before this index.</param>
/// <param name="IncludeTotalCount">Count every matching item (only when a client asks).</param>
public sealed record PageRequest(int? First, int? Last, int? After, int? Before, bool IncludeTotalCount)
{
    /// <summary>The first <paramref name="count"/> items.</summary>
    public static PageRequest FirstItems(int count, bool includeTotalCount = false) =>
        new(count, null, null, null, includeTotalCount);

    /// <summary>Index of the first item in range.</summary>
    public int RangeStart => After is { } after ? after + 1 : 0;

    /// <summary>Range starts after wherever a row with these sort values stands (a keyset cursor); <see cref="After"/> is then unset.</summary>
    public SortPosition? AfterPosition { get; init; }

    /// <summary>Range ends before wherever a row with these sort values stands (a keyset cursor); <see cref="Before"/> is then unset.</summary>
    public SortPosition? BeforePosition { get; init; }

    /// <summary>The parts of each record to read (<see cref="RecordParts.All"/> unless a caller knows it needs fewer).</summary>
    public RecordParts Parts { get; init; } = RecordParts.All;
}

/// <summary>One window of an ordered list.</summary>
/// <param name="Items">The items, in order.</param>
/// <param name="Offset">The index of the first item (its cursor).</param>
/// <param name="HasPreviousPage">Items exist before the first one.</param>
/// <param name="HasNextPage">Items exist after the last one.</param>
/// <param name="TotalCount">All matching items, when requested.</param>
public sealed record Page<T>(
    IReadOnlyList<T> Items,
    int Offset,
    bool HasPreviousPage,
    bool HasNextPage,
    int? TotalCount)
{
    /// <summary>
    /// For a list paged by <see cref="SortPosition"/>: each item's position, in the order of
    /// <see cref="Items"/>, from which its cursor is made; null where cursors are indices.
    /// </summary>
    public IReadOnlyList<SortPosition>? Positions { get; init; }

    private static readonly Page<T> EmptyCounted = new(Array.Empty<T>(), 0, false, false, 0);
    private static readonly Page<T> EmptyUncounted = new(Array.Empty<T>(), 0, false, false, null);

    /// <summary>An empty page (one shared instance each way: a page is immutable).</summary>
    public static Page<T> Empty(bool includeTotalCount) => includeTotalCount ? EmptyCounted : EmptyUncounted;

    /// <summary>An empty page for each distinct parent key: what an expansion answers before it finds anything.</summary>
    public static Dictionary<string, Page<T>> EmptyFor(IEnumerable<string> parentKeys, bool includeTotalCount) =>
        parentKeys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => Empty(includeTotalCount), StringComparer.Ordinal);

    /// <summary>Cuts a page out of a fully known, ordered list (a list of at most a few items).</summary>
    public static Page<T> FromAll(IReadOnlyList<T> all, PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(request);
        var start = Math.Min(request.RangeStart, all.Count);
        var end = Math.Min(request.Before ?? all.Count, all.Count);
        if (end < start)
        {
            end = start;
        }

        if (request.First is { } first)
        {
            end = Math.Min(end, start + first);
        }
        else if (request.Last is { } last)
        {
            start = Math.Max(start, end - last);
        }

        var items = all.Skip(start).Take(end - start).ToArray();
        return new Page<T>(
            items,
            start,
            HasPreviousPage: start > 0,
            HasNextPage: end < all.Count,
            request.IncludeTotalCount ? all.Count : null);
    }
}
