using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Organisations;

/// <summary>The root fields of the Organisation feature.</summary>
internal static class OrganisationQueries
{
    public static void AddOrganisationQueries(this ObjectGraphType query) =>
        query.RootConnection<Organisation, OrganisationType, OrganisationFilterInput, OrganisationFilter>("organisations", "All organisations.");
}
