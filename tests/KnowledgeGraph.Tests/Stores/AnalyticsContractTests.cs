using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>
/// The analytics contract: every store groups and counts the seed data exactly alike, in one
/// round trip per call. Subclasses supply analytics over a store seeded with the shipped articles.
/// </summary>
public abstract partial class AnalyticsContractTests
{
    /// <summary>Analytics over the seeded store, with the counter of its store calls.</summary>
    protected abstract Task<(IGraphAnalytics Analytics, StoreCallCounter Counter)> SeededAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StatsQuery Query(params StatDimension[] groupBy) =>
        new(null, groupBy, PlaceLevel.AsStated, TimeBucket.Week, null, null, null, [], [], PageRequest.FirstItems(100, true));

    private static string[] Rows(Page<StatsRow> page) =>
        page.Items.Select(r => string.Join(" ", r.Keys) + $" {r.Count}/{r.DistinctSpeakers}/{r.DistinctArticles}" + (r.Places.Count == 0 ? string.Empty : " [" + string.Join(",", r.Places) + "]")).ToArray();

    [Fact]
    public async Task Kinds_are_counted_with_having_and_ordered_by_count_in_one_round_trip()
    {
        var (analytics, counter) = await SeededAsync();
        var before = counter.Total;
        var page = await analytics.StatementStatsAsync(Query(StatDimension.Kind) with
        {
            Having = [new CountCondition(CompareOp.Gte, [3])],
            Order = [new StatSort(null, Descending: true)],
        }, Cancel);
        Assert.Equal(["CLAIM 4/3/1", "APPEAL 3/3/1", "ASSESSMENT 3/2/1", "REJECTION 3/2/1", "WARNING 3/2/1"], Rows(page));
        Assert.Equal((5, false, false), (page.TotalCount, page.HasPreviousPage, page.HasNextPage));
        Assert.Equal(1, counter.Total - before);
    }

    [Fact]
    public async Task Regions_per_week_are_rolled_up_through_containment_and_a_range_fills_empty_weeks()
    {
        var (analytics, _) = await SeededAsync();
        var from = new DateOnly(2025, 5, 26);
        var to = new DateOnly(2025, 6, 8);
        var page = await analytics.StatementStatsAsync(Query(StatDimension.Place, StatDimension.Time) with
        {
            PlaceLevel = PlaceLevel.Region,
            From = from,
            To = to,
            Buckets = TimeBuckets.Between(from, to, TimeBucket.Week),
            Order = [new StatSort(StatDimension.Time, Descending: true), new StatSort(null, Descending: true)],
            Page = PageRequest.FirstItems(4, includeTotalCount: true),
        }, Cancel);
        Assert.Equal(
            ["donetsk-oblast 2025-06-02 2/2/1 [donetsk-oblast]", "crimea 2025-06-02 1/1/1 [crimea]",
             "dnipropetrovsk-oblast 2025-06-02 1/1/1 [dnipropetrovsk-oblast]", "kherson-oblast 2025-06-02 1/1/1 [kherson-oblast]"],
            Rows(page));
        Assert.Equal((12, true), (page.TotalCount, page.HasNextPage));
    }

    [Fact]
    public async Task Speakers_organisations_count_current_and_unknown_affiliations_and_page_from_the_end()
    {
        var (analytics, _) = await SeededAsync();
        var page = await analytics.StatementStatsAsync(Query(StatDimension.SpeakerOrganisation) with
        {
            Page = new PageRequest(null, 3, null, null, true),
        }, Cancel);
        Assert.Equal(["ministry-of-defence-of-russia 1/1/1", "security-council-of-russia 1/1/1", "ukrainian-southern-army-command 2/2/1"], Rows(page));
        Assert.Equal((9, true, false), (page.TotalCount, page.HasPreviousPage, page.HasNextPage));
    }

    [Fact]
    public async Task A_timeline_lists_statements_about_places_inside_a_region_in_date_order_in_one_round_trip()
    {
        var (analytics, counter) = await SeededAsync();
        var before = counter.Total;
        var events = await analytics.TimelineAsync(new Domain.Ids.NodeId(Domain.Ids.NodeType.Place, "donetsk-oblast"), 100, Cancel);
        Assert.Equal(
            ["2025-06-02 moscow-demands-recognition-of-five-regions <-", "2025-06-08 russian-defence-ministry-claims-offensive-into-dnipropetrovsk <-",
             "- russian-forces-release-zorya-flag-photos <-", "- ukraine-rejects-recognition-demand <-moscow-demands-recognition-of-five-regions",
             "- ukraine-warns-recognition-would-embolden-aggression <-moscow-demands-recognition-of-five-regions"],
            events.Select(e => $"{(e.Date is { } d ? TimeBuckets.Format(d) : "-")} {e.StatementKey} <-{e.RespondsToKey}").ToArray());
        Assert.Equal(1, counter.Total - before);

        var talks = await analytics.TimelineAsync(new Domain.Ids.NodeId(Domain.Ids.NodeType.Negotiation, "istanbul-peace-talks"), 3, Cancel);
        Assert.Equal(["2025-06-02 istanbul 1", "2025-06-02 moscow-demands-recognition-of-five-regions 0", "- eu-calls-for-unconditional-ceasefire 0"],
            talks.Select(e => $"{(e.Date is { } d ? TimeBuckets.Format(d) : "-")} {e.StatementKey ?? e.Round!.VenueKey} {(e.Round is null ? 0 : 1)}").ToArray());
    }
}
