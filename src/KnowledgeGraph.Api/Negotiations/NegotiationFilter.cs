using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
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

    public static Filter? Translate(object? input, string path) => FilterReader.Declared<NegotiationFilterInput>(input, path);
}
