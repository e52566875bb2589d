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
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "id" => FilterReader.Ids(Domain.Ids.NodeType.Person, value, at),
        "name" => FilterReader.Operations(Fields.Name, value, at),
        "description" => FilterReader.Operations(Fields.Description, value, at),
        "affiliations" => FilterReader.List(FilterRelations.Affiliations, value, at, AffiliationFilter.Translate),
        _ => throw FilterReader.Invalid(at, "is not a field of PersonFilterInput."),
    });
}
