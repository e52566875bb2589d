using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Statements;

/// <summary>The root fields of the Statement feature.</summary>
internal static class StatementQueries
{
    public static void AddStatementQueries(this ObjectGraphType query) =>
        query.RootConnection<Statement, StatementType, StatementFilterInput, StatementFilter>("statements", "All statements.");
}
