using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>Comparisons on an ordered scalar (dates and date-times).</summary>
internal sealed class ComparableOperationFilterInput<TScalar> : InputObjectGraphType
    where TScalar : ScalarGraphType
{
    public ComparableOperationFilterInput()
    {
        var scalar = typeof(TScalar) == typeof(DateScalar) ? "Date" : "DateTime";
        Name = scalar + "OperationFilterInput";
        Description = $"Conditions on a {scalar}. A value that is not known matches only 'neq', 'nin', 'eq: null' and the negated comparisons 'ngt', 'ngte', 'nlt' and 'nlte' (as HotChocolate's: 'ngt: v' is 'not (value > v)', true when the value is not known).";
        Field<ListGraphType<NonNullGraphType<ComparableOperationFilterInput<TScalar>>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<ComparableOperationFilterInput<TScalar>>>>("or").Description("At least one of these conditions holds.");
        Field<TScalar>("eq").Description("Equals this value (null: the value is not known).");
        Field<TScalar>("neq").Description("Differs from this value or is not known (null: the value is known).");
        Field<ListGraphType<NonNullGraphType<TScalar>>>("in").Description("Equals one of these values.");
        Field<ListGraphType<NonNullGraphType<TScalar>>>("nin").Description("Equals none of these values, or is not known.");
        Field<TScalar>("gt").Description("Is later than this value.");
        Field<TScalar>("gte").Description("Is this value or later.");
        Field<TScalar>("lt").Description("Is earlier than this value.");
        Field<TScalar>("lte").Description("Is this value or earlier.");
        Field<TScalar>("ngt").Description("Is not later than this value: this value, earlier, or not known.");
        Field<TScalar>("ngte").Description("Is not this value or later: earlier, or not known.");
        Field<TScalar>("nlt").Description("Is not earlier than this value: this value, later, or not known.");
        Field<TScalar>("nlte").Description("Is not this value or earlier: later, or not known.");
    }
}
