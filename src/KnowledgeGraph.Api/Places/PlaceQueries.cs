using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Places;

/// <summary>The root fields of the Place feature.</summary>
internal static class PlaceQueries
{
    public static void AddPlaceQueries(this ObjectGraphType query) =>
        query.RootConnection<Place, PlaceType, PlaceFilterInput, PlaceFilter>("places", "All places.");
}
