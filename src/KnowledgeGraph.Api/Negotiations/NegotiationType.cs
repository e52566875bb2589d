using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Negotiations;

/// <summary>The <c>Negotiation</c> type.</summary>
internal sealed class NegotiationType : ObjectGraphType<Negotiation>
{
    public NegotiationType()
    {
        Name = "Negotiation";
        Description = "Talks between parties, held in rounds, with the demands, rejections and agreements made in them.";
        this.AddNodeFields();
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name the talks go by, such as \"Istanbul peace talks\".").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<NegotiationStatusType>>("status").Description("Where the talks stand, as of the latest source.").Resolve(ctx => ctx.Source.Status);
        Field<PlaceType>("venue")
            .Description("Where the talks are held; null when not known.")
            .Resolve(ctx => ctx.Source.VenueKey is { } key ? ctx.Request().Nodes<Place>().Load(key) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationType>>>>("parties")
            .Description("The parties to the talks.")
            .Resolve(ctx => ctx.Request().Nodes<Organisation>().LoadMany(ctx.Source.PartyKeys));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NegotiationRoundType>>>>("rounds")
            .Description("The rounds of talks the sources mention, earliest first; rounds without a known date last.")
            .Resolve(ctx => ctx.Source.Rounds);
        this.RelationConnection<Negotiation, Statement, StatementType, StatementFilterInput, StatementFilter>(
            "statements", "The statements made in the talks: demands, rejections, agreements.", _ => Relations.NegotiationStatements, n => n.Key);
    }
}

/// <summary>The <c>NegotiationRound</c> type.</summary>
internal sealed class NegotiationRoundType : ObjectGraphType<NegotiationRound>
{
    public NegotiationRoundType()
    {
        Name = "NegotiationRound";
        Description = "One round of a negotiation.";
        Field<IntGraphType>("number").Description("The round's number, from 1; null when the sources do not number it.").Resolve(ctx => ctx.Source.Number);
        Field<DateScalar>("date").Description("When the round was held; null when not known.").Resolve(ctx => ctx.Source.Date);
        Field<PlaceType>("venue")
            .Description("Where the round was held; null when not known.")
            .Resolve(ctx => ctx.Source.VenueKey is { } key ? ctx.Request().Nodes<Place>().Load(key) : null);
    }
}

/// <summary>The <c>NegotiationStatus</c> enum.</summary>
internal sealed class NegotiationStatusType : EnumerationGraphType<NegotiationStatus>
{
    public NegotiationStatusType()
    {
        Name = "NegotiationStatus";
        Description = "Where a negotiation stands.";
        Values["PLANNED"]!.Description = "Announced but not begun.";
        Values["ONGOING"]!.Description = "Under way and moving.";
        Values["STALLED"]!.Description = "Under way but making little progress.";
        Values["CONCLUDED"]!.Description = "Ended with an outcome.";
        Values["COLLAPSED"]!.Description = "Ended without an outcome.";
    }
}

/// <summary>The <c>NegotiationFilterInput</c> input.</summary>
internal sealed class NegotiationFilterInput : FilterInputType<NegotiationFilterInput>
{
    public NegotiationFilterInput()
        : base("NegotiationFilterInput", "Conditions on a negotiation; all given fields must hold.")
    {
        Field<IdOperationFilterInput>("id").Description("Conditions on the negotiation's id.");
        Field<StringOperationFilterInput>("name").Description("Conditions on the name.");
        Field<EnumOperationFilterInput<NegotiationStatusType>>("status").Description("Conditions on the status.");
        Field<PlaceFilterInput>("venue").Description("The venue matches.");
        Field<ListFilterInput<OrganisationFilterInput>>("parties").Description("Conditions on the parties.");
    }
}

/// <summary>Translates <see cref="NegotiationFilterInput"/>.</summary>
internal sealed class NegotiationFilter : IFilterable
{
    public static string Plural => "negotiations";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("name", Fields.Name, "By name."),
        new("status", Fields.Status, "By status."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "id" => FilterReader.Ids(Domain.Ids.NodeType.Negotiation, value, at),
        "name" => FilterReader.Operations(Fields.Name, value, at),
        "status" => FilterReader.Operations(Fields.Status, value, at),
        "venue" => FilterReader.One(FilterRelations.Venue, PlaceFilter.Translate(value, at)),
        "parties" => FilterReader.List(FilterRelations.Parties, value, at, OrganisationFilter.Translate),
        _ => throw FilterReader.Invalid(at, "is not a field of NegotiationFilterInput."),
    });
}
