using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>Operations on an enum field.</summary>
internal sealed class EnumOperationFilterInput<TEnumType> : InputObjectGraphType
    where TEnumType : EnumerationGraphType, new()
{
    public EnumOperationFilterInput()
    {
        var name = new TEnumType().Name;
        Name = name + "OperationFilterInput";
        Description = $"Conditions on a {name}.";
        Field<TEnumType>("eq").Description("Equals this value.");
        Field<TEnumType>("neq").Description("Differs from this value.");
        Field<ListGraphType<NonNullGraphType<TEnumType>>>("in").Description("Equals one of these values.");
        Field<ListGraphType<NonNullGraphType<TEnumType>>>("nin").Description("Equals none of these values.");
    }
}
