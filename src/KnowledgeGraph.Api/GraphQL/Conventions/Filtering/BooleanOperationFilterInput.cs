using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>Operations on a boolean field.</summary>
internal sealed class BooleanOperationFilterInput : InputObjectGraphType
{
    public BooleanOperationFilterInput()
    {
        Description = "Conditions on a boolean.";
        Field<BooleanGraphType>("eq").Description("Equals this value.");
        Field<BooleanGraphType>("neq").Description("Differs from this value.");
    }
}
