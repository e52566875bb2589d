using GraphQL.Types;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Places;

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
