using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.People;

namespace KnowledgeGraph.Api.Statements;

/// <summary>The <c>SpeakerFilterInput</c> input.</summary>
internal sealed class SpeakerFilterInput : FilterInputType<SpeakerFilterInput>
{
    public SpeakerFilterInput()
        : base("SpeakerFilterInput", "Conditions on a speaker, a person or an organisation; all given fields must hold.")
    {
        Field<StringOperationFilterInput>("name").Description("Conditions on the speaker's name, whether a person or an organisation.");
        Field<PersonFilterInput>("person").Description("The speaker is a person who matches.");
        Field<OrganisationFilterInput>("organisation").Description("The speaker is an organisation that matches.");
    }
}
