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
        new("statementsAboutCount", CountFields.StatementsAbout, "By how many statements are about the place or any place inside it, at any depth, each statement once: what `statementsAbout` counts by default (computed by the store; ties by key)."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Declared<PlaceFilterInput>(input, path);
}
