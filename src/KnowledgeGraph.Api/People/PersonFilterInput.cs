using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

namespace KnowledgeGraph.Api.People;

/// <summary>The <c>PersonFilterInput</c> input.</summary>
internal sealed class PersonFilterInput : FilterInputType<PersonFilterInput>
{
    public PersonFilterInput()
        : base("PersonFilterInput", "Conditions on a person; all given fields must hold.")
    {
        Field<IdOperationFilterInput>("id").Description("Conditions on the person's id.");
        Field<StringOperationFilterInput>("name").Description("Conditions on the name.");
        Field<StringOperationFilterInput>("description").Description("Conditions on the description.");
        Field<ListFilterInput<AffiliationFilterInput>>("affiliations").Description("Conditions on the person's affiliations.");
    }
}
