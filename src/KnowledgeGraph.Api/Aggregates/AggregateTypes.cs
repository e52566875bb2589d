using System.Globalization;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Aggregates;

/// <summary>The earliest and latest of a set of calendar dates.</summary>
internal sealed record DateRange(DateOnly? Min, DateOnly? Max);

/// <summary>The earliest and latest of a set of instants.</summary>
internal sealed record InstantRange(DateTimeOffset? Min, DateTimeOffset? Max);

/// <summary>How many records have one value of an enum.</summary>
internal sealed record EnumCount<TEnum>(TEnum Value, int Count)
    where TEnum : struct, Enum;

/// <summary>The aggregate graph type of each record type that has connections.</summary>
internal static class AggregateTypes
{
    private static readonly Dictionary<Type, Type> ByRecord = new()
    {
        [typeof(Statement)] = typeof(StatementAggregateType),
        [typeof(Article)] = typeof(ArticleAggregateType),
        [typeof(Negotiation)] = typeof(NegotiationAggregateType),
        [typeof(Place)] = typeof(PlaceAggregateType),
        [typeof(Organisation)] = typeof(OrganisationAggregateType),
        [typeof(Person)] = typeof(PersonAggregateType),
        [typeof(Affiliation)] = typeof(AffiliationAggregateType),
    };

    /// <summary>The aggregate graph type of <paramref name="record"/>, or null when its connections have none.</summary>
    public static Type? For(Type record) => ByRecord.GetValueOrDefault(record);

    public static void AddCount(this ObjectGraphType<RecordAggregate> type, string plural) =>
        type.Field<NonNullGraphType<IntGraphType>>("count")
            .Description($"How many {plural} the connection holds (all that match its `where`, not only the page).")
            .Resolve(ctx => ctx.Source.Count);

    public static DateRange Dates(RecordAggregate aggregate) => new(Date(aggregate.Earliest), Date(aggregate.Latest));

    public static InstantRange Instants(RecordAggregate aggregate) => new(Instant(aggregate.Earliest), Instant(aggregate.Latest));

    /// <summary>The counts per value, largest first, ties by the value's wire name.</summary>
    public static IReadOnlyList<EnumCount<TEnum>> Counts<TEnum>(RecordAggregate aggregate)
        where TEnum : struct, Enum =>
        aggregate.Kinds
            .Select(k => EnumNames.TryFromWire<TEnum>(k.Key, out var value)
                ? new EnumCount<TEnum>(value, k.Value)
                : throw new InvalidDataException($"The store counted '{k.Key}', which is not a {typeof(TEnum).Name}."))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => EnumNames.ToWire(c.Value), StringComparer.Ordinal)
            .ToArray();

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(string? text) => text is null ? null : InstantText.Read(text, 0);
}

/// <summary>The <c>DateAggregate</c> type.</summary>
internal sealed class DateRangeType : ObjectGraphType<DateRange>
{
    public DateRangeType()
    {
        Name = "DateAggregate";
        Description = "The earliest and latest of a set of dates (records without a date are left out).";
        Field<DateScalar>("min").Description("The earliest date; null when no record has one.").Resolve(ctx => ctx.Source.Min);
        Field<DateScalar>("max").Description("The latest date; null when no record has one.").Resolve(ctx => ctx.Source.Max);
    }
}

/// <summary>The <c>DateTimeAggregate</c> type.</summary>
internal sealed class InstantRangeType : ObjectGraphType<InstantRange>
{
    public InstantRangeType()
    {
        Name = "DateTimeAggregate";
        Description = "The earliest and latest of a set of instants, in UTC (records without one are left out).";
        Field<DateTimeScalar>("min").Description("The earliest instant, in UTC; null when no record has one.").Resolve(ctx => ctx.Source.Min);
        Field<DateTimeScalar>("max").Description("The latest instant, in UTC; null when no record has one.").Resolve(ctx => ctx.Source.Max);
    }
}

/// <summary>A count per value of an enum (<c>StatementKindCount</c>), named after the enum type.</summary>
internal sealed class EnumCountType<TEnumType, TEnum> : ObjectGraphType<EnumCount<TEnum>>
    where TEnumType : EnumerationGraphType<TEnum>
    where TEnum : struct, Enum
{
    public EnumCountType()
    {
        var name = typeof(TEnumType).Name[..^"Type".Length];
        Name = name + "Count";
        Description = $"How many records of a connection have one {name} value.";
        Field<NonNullGraphType<TEnumType>>("value").Description("The value.").Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many records have it (at least 1).").Resolve(ctx => ctx.Source.Count);
    }
}

/// <summary>The <c>StatementAggregate</c> type.</summary>
internal sealed class StatementAggregateType : ObjectGraphType<RecordAggregate>
{
    public StatementAggregateType()
    {
        Name = "StatementAggregate";
        Description = "Figures over all the statements of a connection that match its `where` (not only the page), computed by the store without loading them.";
        this.AddCount("statements");
        Field<NonNullGraphType<DateRangeType>>("date").Description("The earliest and latest statement date.").Resolve(ctx => AggregateTypes.Dates(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumCountType<StatementKindType, StatementKind>>>>>("kind")
            .Description("How many statements of each kind, largest count first (ties by kind); kinds with none are left out.")
            .Resolve(ctx => AggregateTypes.Counts<StatementKind>(ctx.Source));
    }
}

/// <summary>The <c>ArticleAggregate</c> type.</summary>
internal sealed class ArticleAggregateType : ObjectGraphType<RecordAggregate>
{
    public ArticleAggregateType()
    {
        Name = "ArticleAggregate";
        Description = "Figures over all the articles of a connection that match its `where` (not only the page), computed by the store without loading them.";
        this.AddCount("articles");
        Field<NonNullGraphType<InstantRangeType>>("publishedAt").Description("The earliest and latest publication instant, in UTC.").Resolve(ctx => AggregateTypes.Instants(ctx.Source));
    }
}

/// <summary>The <c>NegotiationAggregate</c> type.</summary>
internal sealed class NegotiationAggregateType : ObjectGraphType<RecordAggregate>
{
    public NegotiationAggregateType()
    {
        Name = "NegotiationAggregate";
        Description = "Figures over all the negotiations of a connection that match its `where` (not only the page), computed by the store without loading them.";
        this.AddCount("negotiations");
        Field<NonNullGraphType<DateRangeType>>("roundDate").Description("The date of the earliest and of the latest round of talks of these negotiations.").Resolve(ctx => AggregateTypes.Dates(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumCountType<NegotiationStatusType, NegotiationStatus>>>>>("status")
            .Description("How many negotiations have each status, largest count first (ties by status); statuses with none are left out.")
            .Resolve(ctx => AggregateTypes.Counts<NegotiationStatus>(ctx.Source));
    }
}

/// <summary>The <c>PlaceAggregate</c> type.</summary>
internal sealed class PlaceAggregateType : ObjectGraphType<RecordAggregate>
{
    public PlaceAggregateType()
    {
        Name = "PlaceAggregate";
        Description = "Figures over all the places of a connection that match its `where` (not only the page), computed by the store without loading them.";
        this.AddCount("places");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumCountType<PlaceKindType, PlaceKind>>>>>("kind")
            .Description("How many places of each kind, largest count first (ties by kind); kinds with none are left out.")
            .Resolve(ctx => AggregateTypes.Counts<PlaceKind>(ctx.Source));
    }
}

/// <summary>The <c>OrganisationAggregate</c> type.</summary>
internal sealed class OrganisationAggregateType : ObjectGraphType<RecordAggregate>
{
    public OrganisationAggregateType()
    {
        Name = "OrganisationAggregate";
        Description = "Figures over all the organisations of a connection that match its `where` (not only the page), computed by the store without loading them.";
        this.AddCount("organisations");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumCountType<OrganisationKindType, OrganisationKind>>>>>("kind")
            .Description("How many organisations of each kind, largest count first (ties by kind); kinds with none are left out.")
            .Resolve(ctx => AggregateTypes.Counts<OrganisationKind>(ctx.Source));
    }
}

/// <summary>The <c>PersonAggregate</c> type.</summary>
internal sealed class PersonAggregateType : ObjectGraphType<RecordAggregate>
{
    public PersonAggregateType()
    {
        Name = "PersonAggregate";
        Description = "Figures over all the people of a connection that match its `where` (not only the page), computed by the store without loading them.";
        this.AddCount("people");
    }
}

/// <summary>The <c>AffiliationAggregate</c> type.</summary>
internal sealed class AffiliationAggregateType : ObjectGraphType<RecordAggregate>
{
    public AffiliationAggregateType()
    {
        Name = "AffiliationAggregate";
        Description = "Figures over all the affiliations of a connection that match its `where` (not only the page), computed by the store without loading them.";
        this.AddCount("affiliations");
    }
}
