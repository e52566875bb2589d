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
        new("statementsCount", CountFields.Statements, "By how many statements the organisation made in its own name (computed by the store; ties by key)."),
        new("membersCount", CountFields.Members, "By how many affiliations of people the organisation has (computed by the store; ties by key)."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Declared<OrganisationFilterInput>(input, path);
}
