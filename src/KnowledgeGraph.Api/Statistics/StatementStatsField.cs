using System.Collections;
using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Statistics;

/// <summary>The root field <c>statementStats</c>: counts of statements, grouped, computed by the store.</summary>
internal static class StatementStatsField
{
    /// <summary>The code of an argument that cannot be used as given.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>Adds <c>statementStats</c> to the root type.</summary>
    public static void AddStatementStats(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<StatsGroup, StatementStatsGroupType>>>("statementStats")
            .Description("Counts of statements grouped by any combination of speaker, speaker's organisation, place, kind, negotiation and time bucket, computed by the store in one round trip. "
                + "Statements with no value for a grouped dimension (no known speaker, no date) are left out; a statement about several places counts once for each. "
                + "Each group says how to list exactly its statements (`where`). The flat `nodes` list with its `time` field is what Grafana's GraphQL data sources read.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StatementStatsDimensionType>>>>("groupBy", "The dimensions to group by, each at most once; the keys of a group are these dimensions' values.")
            .Argument<StatementFilterInput>("where", "Only the statements that match this filter (as in `statements`).")
            .Argument<NonNullGraphType<PlaceLevelType>>("placeLevel", "How places are grouped: as the statements name them, or rolled up through containment to their region or country.", a => a.DefaultValue = PlaceLevel.AsStated)
            .Argument<NonNullGraphType<TimeBucketType>>("timeBucket", "The length of a time bucket (weeks are ISO weeks, from Monday).", a => a.DefaultValue = TimeBucket.Week)
            .Argument<NonNullGraphType<StringGraphType>>("timeZone", "The IANA time zone the bucket bounds are given in, such as Europe/Kyiv. Statement dates are calendar dates, so a zone changes the instants of `bucket.start`/`end` and `time`, not which bucket a statement falls in.", a => a.DefaultValue = "UTC")
            .Argument<DateScalar>("from", "Only statements dated on or after this day. With `to` and TIME grouped, every bucket of the range gets a row, with count 0 where it has no statement.")
            .Argument<DateScalar>("to", "Only statements dated on or before this day.")
            .Argument<StatementStatsHavingInput>("having", "Conditions on each group's count; groups that fail them are left out.")
            .Argument<ListGraphType<NonNullGraphType<StatementStatsSortInput>>>("order", "Sort order: by `count` or by a grouped dimension's key, in either direction. Ties fall back to the next entry, then to every key ascending.")
            .PagingArgs()
            .ResolveAsync(async ctx =>
            {
                var (query, context) = Read(ctx);
                var analytics = ctx.RequestServices!.GetRequiredService<IGraphAnalytics>();
                var page = await analytics.StatementStatsAsync(query, ctx.CancellationToken);
                return new Connection<StatsGroup>(new Page<StatsGroup>(
                    page.Items.Select(row => new StatsGroup(row, context)).ToArray(),
                    page.Offset,
                    page.HasPreviousPage,
                    page.HasNextPage,
                    page.TotalCount) { Positions = page.Positions });
            });

    private static (StatsQuery Query, StatsContext Context) Read(IResolveFieldContext ctx)
    {
        var groupBy = ctx.GetArgument<List<StatDimension>>("groupBy");
        if (groupBy.Count == 0)
        {
            throw ErrorCodes.Error(InvalidArgument, "'groupBy' must name at least one dimension.");
        }

        var repeated = groupBy.GroupBy(d => d).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw ErrorCodes.Error(InvalidArgument, $"'groupBy' names {StatementStatsDimensionType.Wire(repeated.Key)} more than once.");
        }

        var whereInput = ctx.GetArgument<object?>("where");
        var where = StatementFilter.Translate(whereInput, "where");
        var level = ctx.GetArgument("placeLevel", PlaceLevel.AsStated);
        var bucket = ctx.GetArgument("timeBucket", TimeBucket.Week);
        var zoneId = ctx.GetArgument("timeZone", "UTC");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            throw ErrorCodes.Error(InvalidArgument, $"'timeZone': '{zoneId}' is not a known IANA time zone (such as UTC or Europe/Kyiv).");
        }

        var from = ctx.GetArgument<DateOnly?>("from");
        var to = ctx.GetArgument<DateOnly?>("to");
        if (from is { } f && to is { } t && t < f)
        {
            throw ErrorCodes.Error(InvalidArgument, $"'to' ({TimeBuckets.Format(t)}) is before 'from' ({TimeBuckets.Format(f)}).");
        }

        IReadOnlyList<string>? buckets = null;
        if (groupBy.Contains(StatDimension.Time) && from is { } start && to is { } end)
        {
            try
            {
                buckets = TimeBuckets.Between(start, end, bucket);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw ErrorCodes.Error(InvalidArgument, $"'from'..'to' spans more than {TimeBuckets.MaxBuckets} buckets of a {StatementStatsDimensionType.Wire(bucket)}; choose a longer bucket or a shorter range.");
            }
        }

        var having = ReadHaving(ctx.GetArgument<object?>("having"));
        var order = ReadOrder(ctx.GetArgument<object?>("order"), groupBy);
        var query = new StatsQuery(where, groupBy, level, bucket, from, to, buckets, having, order, PagingArguments.Read(ctx, StatsPositions.Length(groupBy, order)));
        var whereType = (IInputObjectGraphType)ctx.FieldDefinition.Arguments!.Find("where")!.ResolvedType!;
        var context = new StatsContext(groupBy, level, bucket, zone, from, to, DrillDown.ToJson(whereInput, whereType));
        return (query, context);
    }

    private static List<CountCondition> ReadHaving(object? input)
    {
        var conditions = new List<CountCondition>();
        if (input is not IDictionary<string, object?> having || !having.TryGetValue("count", out var count) || count is not IDictionary<string, object?> operations)
        {
            return conditions;
        }

        foreach (var (name, value) in operations)
        {
            if (value is null)
            {
                throw FilterReader.Invalid($"having.count.{name}", "null is not a condition on a count; leave the field out instead.");
            }

            conditions.Add(name switch
            {
                "eq" => new CountCondition(CompareOp.Eq, [(int)value]),
                "neq" => new CountCondition(CompareOp.Neq, [(int)value]),
                "gt" => new CountCondition(CompareOp.Gt, [(int)value]),
                "gte" => new CountCondition(CompareOp.Gte, [(int)value]),
                "lt" => new CountCondition(CompareOp.Lt, [(int)value]),
                "lte" => new CountCondition(CompareOp.Lte, [(int)value]),
                "ngt" => new CountCondition(CompareOp.Lte, [(int)value]),
                "ngte" => new CountCondition(CompareOp.Lt, [(int)value]),
                "nlt" => new CountCondition(CompareOp.Gte, [(int)value]),
                "nlte" => new CountCondition(CompareOp.Gt, [(int)value]),
                "in" => new CountCondition(CompareOp.In, ((IEnumerable)value).Cast<object>().Select(v => (int)v).ToArray()),
                "nin" => new CountCondition(CompareOp.Nin, ((IEnumerable)value).Cast<object>().Select(v => (int)v).ToArray()),
                _ => throw FilterReader.Invalid($"having.count.{name}", "is not an operation."),
            });
        }

        return conditions;
    }

    private static List<StatSort> ReadOrder(object? input, List<StatDimension> groupBy)
    {
        var sorts = new List<StatSort>();
        if (input is null)
        {
            return sorts;
        }

        var index = 0;
        foreach (var item in (IEnumerable)input)
        {
            foreach (var (name, direction) in (IDictionary<string, object?>)item)
            {
                if (direction is null)
                {
                    continue;
                }

                var descending = direction is SortDirection.Desc;
                if (name == "count")
                {
                    sorts.Add(new StatSort(null, descending));
                    continue;
                }

                var dimension = StatementStatsDimensionType.FromField(name);
                if (!groupBy.Contains(dimension))
                {
                    throw FilterReader.Invalid($"order[{index}].{name}", $"sorts by a key that is not grouped; add {StatementStatsDimensionType.Wire(dimension)} to 'groupBy'.");
                }

                sorts.Add(new StatSort(dimension, descending));
            }

            index++;
        }

        return sorts;
    }
}
