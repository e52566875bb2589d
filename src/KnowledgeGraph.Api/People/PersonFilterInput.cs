using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.People;

/// <summary>The <c>PersonFilterInput</c> input: each field declared once, for the schema and for the translation.</summary>
internal sealed class PersonFilterInput : FilterInputType<PersonFilterInput>, IDeclaredFilter
{
    public PersonFilterInput()
        : base("PersonFilterInput", "Conditions on a person; all given fields must hold.")
    {
    }

    public static IReadOnlyList<FilterField> Declared { get; } =
    [
        FilterField.Id(NodeType.Person, "Conditions on the person's id."),
        FilterField.Operations<StringOperationFilterInput>("name", Domain.Query.Fields.Name, "Conditions on the name."),
        FilterField.Operations<StringOperationFilterInput>("description", Domain.Query.Fields.Description, "Conditions on the description."),
        FilterField.List<AffiliationFilterInput>("affiliations", FilterRelations.Affiliations, "Conditions on the person's affiliations."),
    ];
}
