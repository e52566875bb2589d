using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;

namespace KnowledgeGraph.Api.Changes;

/// <summary>The <c>ChangeFilterInput</c> input type: every condition given must hold.</summary>
internal sealed class ChangeFilterInput : InputObjectGraphType
{
    public ChangeFilterInput()
    {
        Name = "ChangeFilterInput";
        Description = "Which change-log entries to list; every condition given must hold.";
        Field<IdGraphType>("nodeId").Description("Only the writes that created or changed this record (its global id): how the record came to be.");
        Field<StringGraphType>("keyName").Description("Only the writes made with the API key of this name (exact).");
        Field<DateTimeScalar>("from").Description("Only the writes at or after this instant.");
        Field<DateTimeScalar>("to").Description("Only the writes before this instant.");
    }
}
