using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.People;

/// <summary>The root fields of the Person feature.</summary>
internal static class PersonQueries
{
    public static void AddPersonQueries(this ObjectGraphType query) =>
        query.RootConnection<Person, PersonType, PersonFilterInput, PersonFilter>("people", "All people.");
}
