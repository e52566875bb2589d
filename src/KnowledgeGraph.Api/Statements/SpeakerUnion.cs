using GraphQL.Types;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.People;

namespace KnowledgeGraph.Api.Statements;

/// <summary>The <c>Speaker</c> union.</summary>
internal sealed class SpeakerUnion : UnionGraphType
{
    public SpeakerUnion()
    {
        Name = "Speaker";
        Description = "Who made a statement: a person or an organisation.";
        Type<PersonType>();
        Type<OrganisationType>();
    }
}
