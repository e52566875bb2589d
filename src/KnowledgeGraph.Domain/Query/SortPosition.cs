namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// Where a row stands in a sorted list, by its sort values rather than its index: what a keyset
/// cursor carries. A page asked after (or before) a position starts just after (ends just
/// before) wherever a row with those values would stand now, so rows inserted or removed
/// elsewhere since the position was issued do not shift the next page. Used where positions
/// shift most: lists sorted by relationship counts, and statement statistics sorted by count.
/// </summary>
/// <param name="Values">The row's sort values in sort order, then its tie-break key: each a
/// <see cref="long"/> (counts), a <see cref="string"/> or null (the sort keys hold no other kind of value).</param>
public sealed record SortPosition(IReadOnlyList<object?> Values)
{
    /// <summary>Whether the list sorted by <paramref name="order"/> pages by position: it sorts by a relationship count.</summary>
    public static bool AppliesTo(IReadOnlyList<SortField> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Any(s => s.Field is CountFields.Statements or CountFields.StatementsAbout or CountFields.Members or CountFields.Rounds);
    }

    /// <inheritdoc />
    public bool Equals(SortPosition? other) => other is not null && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => Values.Count;
}
