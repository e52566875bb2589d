using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.People;

/// <summary>Translates <see cref="AffiliationFilterInput"/>.</summary>
internal sealed class AffiliationFilter : IFilterable
{
    public static string Plural => "affiliations";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("role", Fields.Role, "By role."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Declared<AffiliationFilterInput>(input, path);
}
