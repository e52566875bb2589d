using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Places;

/// <summary>The <c>Place</c> type.</summary>
internal sealed class PlaceType : ObjectGraphType<Place>
{
    public PlaceType()
    {
        Name = "Place";
        Description = "A place: a country, a region, a city, a town or a village. Each place lies inside at most one other place.";
        this.AddNodeFields();
        Field<NonNullGraphType<StringGraphType>>("name").Description("The usual English name.").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<PlaceKindType>>("kind").Description("What kind of place this is.").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other names and spellings the sources use.").Resolve(ctx => ctx.Source.Aliases);
        Field<PlaceType>("containedIn")
            .Description("The place this one lies directly inside, such as a village's region; null for a country.")
            .Resolve(ctx => ctx.Source.ContainedInKey is { } key ? ctx.Request().Nodes<Place>().Load(key) : null);
        this.RelationConnection<Place, Place, PlaceType, PlaceFilterInput, PlaceFilter>(
            "contains", "The places directly inside this one, such as a region's towns.", _ => Relations.PlaceContains, p => p.Key);
        this.RelationConnection<Place, Statement, StatementType, StatementFilterInput, StatementFilter>(
                "statementsAbout",
                "The statements about this place. With `includeContainedPlaces` (the default), a statement about a village also counts for its region and its country, to any depth.",
                ctx => ctx.GetArgument("includeContainedPlaces", true) ? Relations.PlaceStatementsAboutWithin : Relations.PlaceStatementsAbout,
                p => p.Key)
            .Argument<BooleanGraphType>("includeContainedPlaces", "Also count statements about the places inside this one, at any depth.", a => a.DefaultValue = true);
    }
}

/// <summary>The <c>PlaceKind</c> enum.</summary>
internal sealed class PlaceKindType : EnumerationGraphType<PlaceKind>
{
    public PlaceKindType()
    {
        Name = "PlaceKind";
        Description = "What kind of place a place is.";
        Values["COUNTRY"]!.Description = "A sovereign state.";
        Values["REGION"]!.Description = "A first-level division of a country, such as an oblast or a province.";
        Values["DISTRICT"]!.Description = "A division of a region.";
        Values["CITY"]!.Description = "A city.";
        Values["TOWN"]!.Description = "A town.";
        Values["VILLAGE"]!.Description = "A village.";
        Values["OTHER"]!.Description = "Any other place.";
    }
}

/// <summary>The <c>PlaceFilterInput</c> input.</summary>
internal sealed class PlaceFilterInput : FilterInputType<PlaceFilterInput>
{
    public PlaceFilterInput()
        : base("PlaceFilterInput", "Conditions on a place; all given fields must hold.")
    {
        Field<IdOperationFilterInput>("id").Description("Conditions on the place's id.");
        Field<StringOperationFilterInput>("name").Description("Conditions on the name.");
        Field<EnumOperationFilterInput<PlaceKindType>>("kind").Description("Conditions on the kind.");
        Field<PlaceFilterInput>("containedIn").Description("The place directly containing this one matches.");
    }
}

/// <summary>Translates <see cref="PlaceFilterInput"/>.</summary>
internal sealed class PlaceFilter : IFilterable
{
    public static string Plural => "places";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("name", Fields.Name, "By name."),
        new("kind", Fields.Kind, "By kind."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "id" => FilterReader.Ids(Domain.Ids.NodeType.Place, value, at),
        "name" => FilterReader.Operations(Fields.Name, value, at),
        "kind" => FilterReader.Operations(Fields.Kind, value, at),
        "containedIn" => FilterReader.One(FilterRelations.ContainedIn, Translate(value, at)),
        _ => throw FilterReader.Invalid(at, "is not a field of PlaceFilterInput."),
    });

    public static Filter? TranslateList(string relation, object? input, string path) =>
        FilterReader.List(relation, input, path, Translate);
}
