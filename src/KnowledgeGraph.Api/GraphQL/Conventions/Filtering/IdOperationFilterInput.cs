using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>Operations on an id field.</summary>
internal sealed class IdOperationFilterInput : InputObjectGraphType
{
    public IdOperationFilterInput()
    {
        Description = "Conditions on a global id.";
        Field<IdGraphType>("eq").Description("Is this id.");
        Field<IdGraphType>("neq").Description("Is not this id.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("in").Description("Is one of these ids.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("nin").Description("Is none of these ids.");
    }
}
