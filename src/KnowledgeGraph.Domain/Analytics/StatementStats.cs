using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Domain.Analytics;

/// <summary>What statements can be grouped by in <see cref="StatsQuery"/>.</summary>
public enum StatDimension
{
    /// <summary>The speaker, a person or an organisation (key written <c>Person:key</c> or <c>Organisation:key</c>).</summary>
    Speaker,

    /// <summary>
    /// The speaker's organisation: an organisation speaker itself, or each organisation a person
    /// speaker is affiliated with, unless the affiliation is known to have ended.
    /// </summary>
    SpeakerOrganisation,

    /// <summary>Each place the statement is about, or the region or country containing it (see <see cref="PlaceLevel"/>).</summary>
    Place,

    /// <summary>The statement kind (its wire name).</summary>
    Kind,

    /// <summary>The negotiation the statement was made in.</summary>
    Negotiation,

    /// <summary>The time bucket of the statement's date (the bucket's first day, <c>YYYY-MM-DD</c>).</summary>
    Time,
}

/// <summary>How far up the containment the place of a statement is rolled.</summary>
public enum PlaceLevel
{
    /// <summary>The places as the statement names them.</summary>
    AsStated,

    /// <summary>The region that is, or contains, a place the statement is about.</summary>
    Region,

    /// <summary>The country that is, or contains, a place the statement is about.</summary>
    Country,
}

/// <summary>The length of a time bucket. Weeks are ISO weeks, starting on Monday.</summary>
public enum TimeBucket
{
    /// <summary>One calendar day.</summary>
    Day,
    /// <summary>One ISO week, Monday to Sunday.</summary>
    Week,
    /// <summary>One calendar month.</summary>
    Month,
    /// <summary>One calendar year.</summary>
    Year,
}

/// <summary>A comparison of a group's count with a number (<c>having</c>).</summary>
/// <param name="Op">One of Eq, Neq, In, Nin, Gt, Gte, Lt, Lte.</param>
/// <param name="Values">One value, or the list for In and Nin.</param>
public sealed record CountCondition(CompareOp Op, IReadOnlyList<int> Values);

/// <summary>A sort key of the groups: the count, or one of the grouped dimensions' keys.</summary>
/// <param name="Dimension">The dimension whose key sorts, or null for the count.</param>
/// <param name="Descending">Largest first.</param>
public sealed record StatSort(StatDimension? Dimension, bool Descending);

/// <summary>
/// Counts of statements grouped by <see cref="GroupBy"/>: one row per combination of keys that at
/// least one statement has. A statement with no value for a grouped dimension (no known
/// speaker, no date) is left out; a statement with several values (about several places)
/// counts once in each of their groups.
/// </summary>
/// <param name="Where">The statements counted.</param>
/// <param name="GroupBy">The dimensions, in the order the keys are returned; at least one, each once.</param>
/// <param name="PlaceLevel">How places are rolled up.</param>
/// <param name="Bucket">The time bucket length.</param>
/// <param name="From">Only statements dated on or after this day.</param>
/// <param name="To">Only statements dated on or before this day.</param>
/// <param name="Buckets">When time is grouped and a range is given: every bucket start of the range,
/// so that each series gets a row (count 0) for the buckets it has no statement in.</param>
/// <param name="Having">Conditions on the count, all of which must hold.</param>
/// <param name="Order">Sort keys; the keys of every dimension, ascending, break ties.</param>
/// <param name="Page">The window over the sorted groups.</param>
public sealed record StatsQuery(
    Filter? Where,
    IReadOnlyList<StatDimension> GroupBy,
    PlaceLevel PlaceLevel,
    TimeBucket Bucket,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<string>? Buckets,
    IReadOnlyList<CountCondition> Having,
    IReadOnlyList<StatSort> Order,
    PageRequest Page);

/// <summary>One group of statements.</summary>
/// <param name="Keys">The group's key for each dimension of <see cref="StatsQuery.GroupBy"/>, in that order.</param>
/// <param name="Count">The statements in the group.</param>
/// <param name="DistinctSpeakers">The different speakers among them.</param>
/// <param name="DistinctArticles">The different articles giving evidence for them.</param>
/// <param name="Places">For a place rolled up to a region or country: the places, named by
/// the group's statements, that lie in it (what a drill-down filter matches); empty otherwise.</param>
public sealed record StatsRow(
    IReadOnlyList<string> Keys,
    int Count,
    int DistinctSpeakers,
    int DistinctArticles,
    IReadOnlyList<string> Places);

/// <summary>The calendar arithmetic of time buckets, shared by every store and the API.</summary>
public static class TimeBuckets
{
    /// <summary>The most buckets a range may span, so that a year of days is fine and a millennium is not.</summary>
    public const int MaxBuckets = 1000;

    /// <summary>The first day of the bucket holding <paramref name="day"/>.</summary>
    public static DateOnly StartOf(DateOnly day, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Day => day,
        TimeBucket.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TimeBucket.Month => new DateOnly(day.Year, day.Month, 1),
        TimeBucket.Year => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    /// <summary>The first day after the bucket starting on <paramref name="start"/>.</summary>
    public static DateOnly EndOf(DateOnly start, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Day => start.AddDays(1),
        TimeBucket.Week => start.AddDays(7),
        TimeBucket.Month => start.AddMonths(1),
        TimeBucket.Year => start.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    /// <summary>The starts of every bucket overlapping [<paramref name="from"/>, <paramref name="to"/>], in order.</summary>
    public static IReadOnlyList<string> Between(DateOnly from, DateOnly to, TimeBucket bucket)
    {
        var starts = new List<string>();
        for (var start = StartOf(from, bucket); start <= to; start = EndOf(start, bucket))
        {
            if (starts.Count == MaxBuckets)
            {
                throw new ArgumentOutOfRangeException(nameof(to), $"The range spans more than {MaxBuckets} buckets.");
            }

            starts.Add(Format(start));
        }

        return starts;
    }

    /// <summary><c>YYYY-MM-DD</c>.</summary>
    public static string Format(DateOnly day) => DateText.Write(day);

    /// <summary>Reads <c>YYYY-MM-DD</c>.</summary>
    public static DateOnly Parse(string day) => DateText.Read(day);
}
