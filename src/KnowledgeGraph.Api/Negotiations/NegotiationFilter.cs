using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Negotiations;

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
