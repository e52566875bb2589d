using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Api.GraphQL.Pipeline;
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
            .Resolve(ctx => ctx.Source.ContainedInKey is { } key ? ctx.Request().Nodes<Place>(ctx).Load(key) : null);
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
