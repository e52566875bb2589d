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

    public static Filter? Translate(object? input, string path) => FilterReader.Declared<PlaceFilterInput>(input, path);
}
