using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Api.Organisations;
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

    public static Filter? Translate(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "role" => FilterReader.Operations(Fields.Role, value, at),
        "current" => FilterReader.Operations(Fields.Current, value, at),
        "organisation" => FilterReader.One(FilterRelations.Organisation, OrganisationFilter.Translate(value, at)),
        "person" => FilterReader.One(FilterRelations.Person, PersonFilter.Translate(value, at)),
        _ => throw FilterReader.Invalid(at, "is not a field of AffiliationFilterInput."),
    });
}
