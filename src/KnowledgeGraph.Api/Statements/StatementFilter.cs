using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Statements;

/// <summary>Translates <see cref="StatementFilterInput"/>.</summary>
internal sealed class StatementFilter : IFilterable
{
    public static string Plural => "statements";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("date", Fields.Date, "By date; statements without a known date sort last."),
        new("text", Fields.Text, "By text."),
        new("kind", Fields.Kind, "By kind."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Declared<StatementFilterInput>(input, path);
}
