using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Neo4j.Tests.Lint;

/// <summary>
/// Every statement shape of the analytics: each dimension alone and all together, each place
/// level and time bucket, filled and unfilled buckets (with and without other series), every
/// count comparison, every sort key in both directions, and each window arithmetic.
/// </summary>
internal sealed class AnalyticsCatalogue(IGraphAnalytics analytics, Func<string, Func<Task>, Task> emit)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Filter SampleWhere = new AllOf([
        new Compare(Fields.Kind, CompareOp.Eq, Domain.Model.StatementKind.Demand),
        new Related(FilterRelations.About, Quantifier.Some, new Compare(Fields.Key, CompareOp.Eq, "k")),
    ]);

    public async Task EmitAllAsync()
    {
        var all = Enum.GetValues<StatDimension>();
        foreach (var dimension in all)
        {
            await Stats($"stats by {dimension}", Query([dimension]));
        }

        foreach (var level in Enum.GetValues<PlaceLevel>())
        {
            await Stats($"stats by every dimension, places {level}, filtered, sorted by every key both ways", Query(all, level) with
            {
                Where = SampleWhere,
                Order = [new StatSort(null, true), .. all.Select(d => new StatSort(d, false)), .. all.Select(d => new StatSort(d, true))],
            });
        }

        foreach (var bucket in Enum.GetValues<TimeBucket>())
        {
            await Stats($"stats by time per {bucket}", Query([StatDimension.Time]) with { Bucket = bucket });
        }

        var range = new DateOnly(2025, 6, 2);
        await Stats("stats by time, filled", Query([StatDimension.Time]) with
        {
            From = range, To = range.AddDays(20), Buckets = TimeBuckets.Between(range, range.AddDays(20), TimeBucket.Week),
        });
        await Stats("stats by region and time, filled", Query([StatDimension.Place, StatDimension.Time], PlaceLevel.Region) with
        {
            From = range, To = range.AddDays(20), Buckets = TimeBuckets.Between(range, range.AddDays(20), TimeBucket.Week),
        });
        await Stats("stats having every comparison", Query([StatDimension.Kind]) with
        {
            Having =
            [
                new(CompareOp.Eq, [1]), new(CompareOp.Neq, [1]), new(CompareOp.Gt, [1]), new(CompareOp.Gte, [1]),
                new(CompareOp.Lt, [9]), new(CompareOp.Lte, [9]), new(CompareOp.In, [1, 2]), new(CompareOp.Nin, [3, 4]),
            ],
        });
        await Stats("stats last", Query([StatDimension.Kind]) with { Page = new PageRequest(null, 2, null, null, true) });
        await Stats("stats last before", Query([StatDimension.Kind]) with { Page = new PageRequest(null, 2, 1, 8, false) });
        await Stats("stats first after before", Query([StatDimension.Kind]) with { Page = new PageRequest(3, null, 1, 8, true) });

        // Sorted by count, cursors are positions (the count, then every key): after, before, both, and last.
        var position = new SortPosition([3L, "k", "2025-06-02"]);
        var byCount = Query([StatDimension.Kind, StatDimension.Time]) with { Order = [new StatSort(null, true), new StatSort(StatDimension.Time, false)] };
        await Stats("stats by count after a position", byCount with { Page = new PageRequest(3, null, null, null, true) { AfterPosition = position } });
        await Stats("stats by count after and before positions", byCount with { Page = new PageRequest(3, null, null, null, false) { AfterPosition = position, BeforePosition = position } });
        await Stats("stats by count last before a position", byCount with { Page = new PageRequest(null, 2, null, null, false) { BeforePosition = position } });
        await Stats("stats by count last after a position", byCount with { Page = new PageRequest(null, 2, null, null, true) { AfterPosition = position } });

        foreach (var type in Enum.GetValues<Domain.Ids.NodeType>().Where(Timelines.Supports))
        {
            await emit($"timeline of a {type}", () => analytics.TimelineAsync(new Domain.Ids.NodeId(type, "k"), 100, Cancel));
        }

        await emit("search every type", () => analytics.SearchAsync(new Domain.Search.SearchQuery(["kyiv", "talks"], [], 200), Cancel));
        await emit("search some types", () => analytics.SearchAsync(new Domain.Search.SearchQuery(["kyiv"], [Domain.Ids.NodeType.Person, Domain.Ids.NodeType.Article], 10), Cancel));
        await AggregatesAsync();
        await emit("shortest paths", () => analytics.ShortestPathsAsync(
            new Domain.Ids.NodeId(Domain.Ids.NodeType.Person, "a"), new Domain.Ids.NodeId(Domain.Ids.NodeType.Negotiation, "b"), new PathLimits(4, 10, 500), Cancel));
    }

    /// <summary>The aggregate of every root connection and of every relation, filtered once on each binding.</summary>
    private async Task AggregatesAsync()
    {
        await emit("aggregate of all statements, filtered", () => analytics.AggregateAsync<Domain.Model.Statement>(null, [], SampleWhere, Cancel));
        await emit("aggregate of all articles", () => analytics.AggregateAsync<Domain.Model.Article>(null, [], null, Cancel));
        await emit("aggregate of all places", () => analytics.AggregateAsync<Domain.Model.Place>(null, [], null, Cancel));
        await emit("aggregate of all organisations", () => analytics.AggregateAsync<Domain.Model.Organisation>(null, [], null, Cancel));
        await emit("aggregate of all people", () => analytics.AggregateAsync<Domain.Model.Person>(null, [], null, Cancel));
        await emit("aggregate of all negotiations", () => analytics.AggregateAsync<Domain.Model.Negotiation>(null, [], null, Cancel));
        await Related(Relations.PersonStatements, SampleWhere);
        await Related(Relations.OrganisationStatements);
        await Related(Relations.OrganisationMembers, new AllOf([
            new Compare(Fields.Role, CompareOp.StartsWith, "deputy"),
            new Related(FilterRelations.Person, Quantifier.Is, new Compare(Fields.Key, CompareOp.Eq, "k")),
        ]));
        await Related(Relations.PlaceContains);
        await Related(Relations.PlaceStatementsAbout);
        await Related(Relations.PlaceStatementsAboutWithin, SampleWhere);
        await Related(Relations.StatementResponses);
        await Related(Relations.NegotiationStatements);
        await Related(Relations.ArticleStatements);
    }

    private Task Related<T>(Relation<T> relation, Filter? where = null)
        where T : class =>
        emit($"aggregate of {relation}{(where is null ? string.Empty : ", filtered")}", () => analytics.AggregateAsync(relation, ["a", "b"], where, Cancel));

    private static StatsQuery Query(IReadOnlyList<StatDimension> groupBy, PlaceLevel level = PlaceLevel.AsStated) =>
        new(null, groupBy, level, TimeBucket.Week, null, null, null, [], [], PageRequest.FirstItems(10, true));

    private Task Stats(string name, StatsQuery query) => emit(name, () => analytics.StatementStatsAsync(query, Cancel));
}
