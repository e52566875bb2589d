using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>Operations on a string field. Comparisons are ordinal and case-sensitive.</summary>
internal sealed class StringOperationFilterInput : InputObjectGraphType
{
    public StringOperationFilterInput()
    {
        Description = "Conditions on a string. Comparisons are exact: ordinal and case-sensitive.";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInput>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInput>>>("or").Description("At least one of these conditions holds.");
        Field<StringGraphType>("eq").Description("Equals this string (null: the value is absent).");
        Field<StringGraphType>("neq").Description("Differs from this string, or is absent (null: the value is present).");
        Field<StringGraphType>("contains").Description("Contains this substring.");
        Field<StringGraphType>("ncontains").Description("Does not contain this substring, or is absent.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("in").Description("Equals one of these strings.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("nin").Description("Equals none of these strings, or is absent.");
        Field<StringGraphType>("startsWith").Description("Starts with this string.");
        Field<StringGraphType>("nstartsWith").Description("Does not start with this string, or is absent.");
        Field<StringGraphType>("endsWith").Description("Ends with this string.");
        Field<StringGraphType>("nendsWith").Description("Does not end with this string, or is absent.");
    }
}
