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
        new("roundsCount", CountFields.Rounds, "By how many rounds of talks were held (computed by the store; ties by key)."),
        new("statementsCount", CountFields.Statements, "By how many statements were made in the negotiation (computed by the store; ties by key)."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Declared<NegotiationFilterInput>(input, path);
}
