using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
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

    public static Filter? Translate(object? input, string path) => FilterReader.Declared<OrganisationFilterInput>(input, path);
}
