using GraphQL.Types;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Organisations;

/// <summary>The <c>OrganisationKind</c> enum.</summary>
internal sealed class OrganisationKindType : EnumerationGraphType<OrganisationKind>
{
    public OrganisationKindType()
    {
        Name = "OrganisationKind";
        Description = "What kind of body an organisation is.";
        Values["GOVERNMENT"]!.Description = "A national government, the actor when a country acts.";
        Values["MINISTRY"]!.Description = "A ministry or department of a government.";
        Values["MILITARY"]!.Description = "Armed forces or a military command.";
        Values["INTELLIGENCE_AGENCY"]!.Description = "An intelligence service.";
        Values["COUNCIL"]!.Description = "A council, such as a security council.";
        Values["INTERGOVERNMENTAL"]!.Description = "A body of several states, such as the EU.";
        Values["MEDIA"]!.Description = "A news outlet.";
        Values["NEWS_AGENCY"]!.Description = "A wire agency, such as AFP.";
        Values["OTHER"]!.Description = "Any other organisation.";
    }
}
