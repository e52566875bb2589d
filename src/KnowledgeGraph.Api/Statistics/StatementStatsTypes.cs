using GraphQL.Types;
using GraphQLParser.AST;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Statistics;

/// <summary>The <c>StatementStatsGroup</c> type.</summary>
internal sealed class StatementStatsGroupType : ObjectGraphType<StatsGroup>
{
    public StatementStatsGroupType()
    {
        Name = "StatementStatsGroup";
        Description = "One group of statements: its keys (null for dimensions not grouped by), its counts, and the filter that lists exactly its statements.";
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many statements the group holds.").Resolve(ctx => ctx.Source.Row.Count);
        Field<NonNullGraphType<IntGraphType>>("distinctSpeakers").Description("How many different speakers made them.").Resolve(ctx => ctx.Source.Row.DistinctSpeakers);
        Field<NonNullGraphType<IntGraphType>>("distinctArticles").Description("How many different articles give evidence for them.").Resolve(ctx => ctx.Source.Row.DistinctArticles);
        Field<SpeakerUnion>("speaker")
            .Description("The speaker (grouped by SPEAKER).")
            .Resolve(ctx => DrillDown.Speaker(ctx.Source) is { } id
                ? id.Type == NodeType.Person ? ctx.Request().Nodes<Person>(ctx).Load(id.Key) : ctx.Request().Nodes<Organisation>(ctx).Load(id.Key)
                : null);
        Field<OrganisationType>("speakerOrganisation")
            .Description("The speaker's organisation (grouped by SPEAKER_ORGANISATION): an organisation speaker itself, or an organisation a person speaker belongs to, unless known to have left it.")
            .Resolve(ctx => ctx.Source.Context.Key(ctx.Source.Row, StatDimension.SpeakerOrganisation) is { } key ? ctx.Request().Nodes<Organisation>(ctx).Load(key) : null);
        Field<PlaceType>("place")
            .Description("The place (grouped by PLACE): as the statements name it, or the region or country containing it, per `placeLevel`.")
            .Resolve(ctx => ctx.Source.Context.Key(ctx.Source.Row, StatDimension.Place) is { } key ? ctx.Request().Nodes<Place>(ctx).Load(key) : null);
        Field<StatementKindType>("kind")
            .Description("The kind (grouped by KIND).")
            .Resolve(ctx => ctx.Source.Context.Key(ctx.Source.Row, StatDimension.Kind) is { } key && EnumNames.TryFromWire<StatementKind>(key, out var kind) ? kind : (object?)null);
        Field<NegotiationType>("negotiation")
            .Description("The negotiation (grouped by NEGOTIATION).")
            .Resolve(ctx => ctx.Source.Context.Key(ctx.Source.Row, StatDimension.Negotiation) is { } key ? ctx.Request().Nodes<Negotiation>(ctx).Load(key) : null);
        Field<TimeBucketRangeType>("bucket")
            .Description("The time bucket (grouped by TIME).")
            .Resolve(ctx => Bucket(ctx.Source));
        Field<DateTimeScalar>("time")
            .Description("When the time bucket starts (grouped by TIME), in `timeZone`: the time field of a Grafana time series.")
            .Resolve(ctx => Bucket(ctx.Source)?.Start);
        Field<NonNullGraphType<JsonScalar>>("where")
            .Description("A `StatementFilterInput` value that lists exactly this group's statements: pass it as `where` to `statements`.")
            .Resolve(ctx => DrillDown.For(ctx.Source));
    }

    internal static BucketRange? Bucket(StatsGroup group)
    {
        if (group.Context.Key(group.Row, StatDimension.Time) is not { } key)
        {
            return null;
        }

        var start = TimeBuckets.Parse(key);
        var end = TimeBuckets.EndOf(start, group.Context.Bucket);
        return new BucketRange(start, end, group.Context.StartOfDay(start), group.Context.StartOfDay(end));
    }
}

/// <summary>The <c>TimeBucketRange</c> type.</summary>
internal sealed class TimeBucketRangeType : ObjectGraphType<BucketRange>
{
    public TimeBucketRangeType()
    {
        Name = "TimeBucketRange";
        Description = "A time bucket: from the start of its first day to the start of the day after it.";
        Field<NonNullGraphType<DateScalar>>("startDate").Description("The bucket's first day.").Resolve(ctx => ctx.Source.StartDate);
        Field<NonNullGraphType<DateScalar>>("endDate").Description("The first day after the bucket (exclusive).").Resolve(ctx => ctx.Source.EndDate);
        Field<NonNullGraphType<DateTimeScalar>>("start").Description("The instant the bucket starts, in the requested time zone.").Resolve(ctx => ctx.Source.Start);
        Field<NonNullGraphType<DateTimeScalar>>("end").Description("The instant the bucket ends (exclusive), in the requested time zone.").Resolve(ctx => ctx.Source.End);
    }
}

/// <summary>The <c>StatementStatsDimension</c> enum.</summary>
internal sealed class StatementStatsDimensionType : EnumerationGraphType<StatDimension>
{
    public StatementStatsDimensionType()
    {
        Name = "StatementStatsDimension";
        Description = "What statements can be grouped by.";
        Values["SPEAKER"]!.Description = "The speaker, a person or an organisation. Statements with no known speaker are left out.";
        Values["SPEAKER_ORGANISATION"]!.Description = "The speaker's organisation: an organisation speaker itself, or each organisation a person speaker belongs to (unless known to have left it).";
        Values["PLACE"]!.Description = "Each place the statement is about (see `placeLevel`). Statements about no place are left out.";
        Values["KIND"]!.Description = "The kind of statement.";
        Values["NEGOTIATION"]!.Description = "The negotiation. Statements made in none are left out.";
        Values["TIME"]!.Description = "The time bucket of the statement's date (see `timeBucket`). Statements with no known date are left out.";
    }

    /// <summary>The GraphQL name of an enum value.</summary>
    public static string Wire<T>(T value)
        where T : struct, Enum => EnumNames.ToWire(value);

    /// <summary>The dimension a field of <c>StatementStatsSortInput</c> sorts by.</summary>
    public static StatDimension FromField(string field) => field switch
    {
        "speaker" => StatDimension.Speaker,
        "speakerOrganisation" => StatDimension.SpeakerOrganisation,
        "place" => StatDimension.Place,
        "kind" => StatDimension.Kind,
        "negotiation" => StatDimension.Negotiation,
        "time" => StatDimension.Time,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}

/// <summary>The <c>PlaceLevel</c> enum.</summary>
internal sealed class PlaceLevelType : EnumerationGraphType<PlaceLevel>
{
    public PlaceLevelType()
    {
        Name = "PlaceLevel";
        Description = "How far up the containment of places a statement's places are grouped.";
        Values["AS_STATED"]!.Description = "The places as the statement names them.";
        Values["REGION"]!.Description = "The region that is, or contains, a place the statement is about; places in no region are left out.";
        Values["COUNTRY"]!.Description = "The country that is, or contains, a place the statement is about; places in no country are left out.";
    }
}

/// <summary>The <c>TimeBucket</c> enum.</summary>
internal sealed class TimeBucketType : EnumerationGraphType<TimeBucket>
{
    public TimeBucketType()
    {
        Name = "TimeBucket";
        Description = "The length of a time bucket.";
        Values["DAY"]!.Description = "A calendar day.";
        Values["WEEK"]!.Description = "An ISO week, Monday to Sunday.";
        Values["MONTH"]!.Description = "A calendar month.";
        Values["YEAR"]!.Description = "A calendar year.";
    }
}

/// <summary>The <c>StatementStatsHavingInput</c> input.</summary>
internal sealed class StatementStatsHavingInput : InputObjectGraphType
{
    public StatementStatsHavingInput()
    {
        Name = "StatementStatsHavingInput";
        Description = "Conditions on a group; all given fields must hold.";
        Field<CountOperationFilterInput>("count").Description("Conditions on the group's count.");
    }
}

/// <summary>The <c>CountOperationFilterInput</c> input.</summary>
internal sealed class CountOperationFilterInput : InputObjectGraphType
{
    public CountOperationFilterInput()
    {
        Name = "CountOperationFilterInput";
        Description = "Conditions on a count; all given operations must hold.";
        Field<IntGraphType>("eq").Description("Equals this number.");
        Field<IntGraphType>("neq").Description("Differs from this number.");
        Field<ListGraphType<NonNullGraphType<IntGraphType>>>("in").Description("Equals one of these numbers.");
        Field<ListGraphType<NonNullGraphType<IntGraphType>>>("nin").Description("Equals none of these numbers.");
        Field<IntGraphType>("gt").Description("Is greater than this number.");
        Field<IntGraphType>("gte").Description("Is this number or greater.");
        Field<IntGraphType>("lt").Description("Is less than this number.");
        Field<IntGraphType>("lte").Description("Is this number or less.");
        Field<IntGraphType>("ngt").Description("Is not greater than this number (a count is always known: the same as 'lte').");
        Field<IntGraphType>("ngte").Description("Is not this number or greater (the same as 'lt').");
        Field<IntGraphType>("nlt").Description("Is not less than this number (the same as 'gte').");
        Field<IntGraphType>("nlte").Description("Is not this number or less (the same as 'gt').");
    }
}

/// <summary>The <c>StatementStatsSortInput</c> input.</summary>
internal sealed class StatementStatsSortInput : InputObjectGraphType
{
    public StatementStatsSortInput()
    {
        Name = "StatementStatsSortInput";
        Description = "Sort groups by their count or by one of their keys.";
        Field<SortEnumType>("count").Description("By the number of statements.");
        Field<SortEnumType>("speaker").Description("By the speaker's key (SPEAKER must be grouped).");
        Field<SortEnumType>("speakerOrganisation").Description("By the organisation's key (SPEAKER_ORGANISATION must be grouped).");
        Field<SortEnumType>("place").Description("By the place's key (PLACE must be grouped).");
        Field<SortEnumType>("kind").Description("By the kind's name (KIND must be grouped).");
        Field<SortEnumType>("negotiation").Description("By the negotiation's key (NEGOTIATION must be grouped).");
        Field<SortEnumType>("time").Description("By the bucket's start (TIME must be grouped).");
    }
}

/// <summary>The <c>JSON</c> scalar: any JSON value, written as is (output only).</summary>
internal sealed class JsonScalar : ScalarGraphType
{
    public JsonScalar()
    {
        Name = "JSON";
        Description = "Any JSON value: an object, a list, a string, a number, a boolean or null. Output only.";
    }

    public override object? Serialize(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => ThrowLiteralConversionError(value, "JSON is an output type.");

    public override object? ParseValue(object? value) => ThrowValueConversionError(value);
}
