namespace KnowledgeGraph.Domain.Analytics;

/// <summary>
/// What the store counts over a set of records without returning them: how many, the earliest
/// and latest of the records' date, and how many of each kind.
/// </summary>
/// <param name="Count">How many records.</param>
/// <param name="Earliest">The earliest date as ISO-8601 text (<c>yyyy-MM-dd</c> for calendar
/// dates; for instants the UTC text of <see cref="Model.InstantText"/>); null when the record
/// type has no date or no record has one.</param>
/// <param name="Latest">The latest date, in the same form as <see cref="Earliest"/>.</param>
/// <param name="Kinds">How many records of each kind, by the kind's wire name (statement kind,
/// place kind, organisation kind, negotiation status); empty for a record type without a kind.</param>
public sealed record RecordAggregate(int Count, string? Earliest, string? Latest, IReadOnlyDictionary<string, int> Kinds)
{
    /// <summary>The aggregate of no records.</summary>
    public static RecordAggregate None { get; } = new(0, null, null, new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>
    /// Folds the rows a store returns, one per group of (parent, kind) with its count and its
    /// earliest and latest date, into one aggregate per parent; a parent without rows gets
    /// <see cref="None"/>. The kinds of a type are few, so this sums a handful of counts the
    /// store already made.
    /// </summary>
    public static Dictionary<string, RecordAggregate> Fold(IEnumerable<string> parents, IEnumerable<AggregateGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(groups);
        var result = parents.Distinct(StringComparer.Ordinal).ToDictionary(p => p, _ => None, StringComparer.Ordinal);
        foreach (var byParent in groups.GroupBy(g => g.Parent, StringComparer.Ordinal))
        {
            if (!result.ContainsKey(byParent.Key))
            {
                continue;
            }

            var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
            var (count, earliest, latest) = (0, (string?)null, (string?)null);
            foreach (var group in byParent)
            {
                count += group.Count;
                if (group.Kind is { } kind)
                {
                    kinds[kind] = kinds.GetValueOrDefault(kind) + group.Count;
                }

                if (group.Earliest is { } e && (earliest is null || string.CompareOrdinal(e, earliest) < 0))
                {
                    earliest = e;
                }

                if (group.Latest is { } l && (latest is null || string.CompareOrdinal(l, latest) > 0))
                {
                    latest = l;
                }
            }

            result[byParent.Key] = new RecordAggregate(count, earliest, latest, kinds);
        }

        return result;
    }
}

/// <summary>One group a store's aggregate statement returns: a parent and a kind, with their count and dates.</summary>
/// <param name="Parent">The parent key (empty for a root connection).</param>
/// <param name="Kind">The kind's wire name, or null for a record type without a kind.</param>
/// <param name="Count">How many records of the parent have this kind.</param>
/// <param name="Earliest">Their earliest date as ISO-8601 text, or null.</param>
/// <param name="Latest">Their latest date as ISO-8601 text, or null.</param>
public sealed record AggregateGroup(string Parent, string? Kind, int Count, string? Earliest, string? Latest);
