using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Places;

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
