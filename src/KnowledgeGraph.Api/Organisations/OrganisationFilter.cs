using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Organisations;

/// <summary>Translates <see cref="OrganisationFilterInput"/>.</summary>
internal sealed class OrganisationFilter : IFilterable
{
    public static string Plural => "organisations";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("name", Fields.Name, "By name."),
        new("kind", Fields.Kind, "By kind."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "id" => FilterReader.Ids(Domain.Ids.NodeType.Organisation, value, at),
        "name" => FilterReader.Operations(Fields.Name, value, at),
        "kind" => FilterReader.Operations(Fields.Kind, value, at),
        "description" => FilterReader.Operations(Fields.Description, value, at),
        "country" => FilterReader.One(FilterRelations.Country, PlaceFilter.Translate(value, at)),
        "partOf" => FilterReader.One(FilterRelations.PartOf, Translate(value, at)),
        _ => throw FilterReader.Invalid(at, "is not a field of OrganisationFilterInput."),
    });
}
