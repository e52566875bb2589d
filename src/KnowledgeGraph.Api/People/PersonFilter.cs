using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.People;

/// <summary>Translates <see cref="PersonFilterInput"/>.</summary>
internal sealed class PersonFilter : IFilterable
{
    public static string Plural => "people";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("name", Fields.Name, "By name."),
        new("statementsCount", CountFields.Statements, "By how many statements the person made (computed by the store; ties by key)."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Declared<PersonFilterInput>(input, path);
}
