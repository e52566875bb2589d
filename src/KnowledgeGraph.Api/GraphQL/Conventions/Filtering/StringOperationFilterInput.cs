using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>Operations on a string field: exact (ordinal, case-sensitive) and, suffixed <c>IgnoreCase</c>, case-insensitive.</summary>
internal sealed class StringOperationFilterInput : InputObjectGraphType
{
    public StringOperationFilterInput()
    {
        Description = "Conditions on a string. The operations without a suffix are exact: ordinal and case-sensitive. "
            + "Those ending in 'IgnoreCase' compare both sides after Unicode lower-casing (every script, not only A-Z; 'STRAẞE' matches 'straße', 'ΟΔΟΣ' matches 'οδος'), "
            + "the same on every store; accents are not folded ('é' does not match 'e'). A value that is absent matches only the negated operations, as with the exact ones.";
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
        Field<StringGraphType>("eqIgnoreCase").Description("Equals this string, ignoring case.");
        Field<StringGraphType>("neqIgnoreCase").Description("Differs from this string even ignoring case, or is absent.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("inIgnoreCase").Description("Equals one of these strings, ignoring case.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("ninIgnoreCase").Description("Equals none of these strings even ignoring case, or is absent.");
        Field<StringGraphType>("containsIgnoreCase").Description("Contains this substring, ignoring case.");
        Field<StringGraphType>("ncontainsIgnoreCase").Description("Does not contain this substring even ignoring case, or is absent.");
        Field<StringGraphType>("startsWithIgnoreCase").Description("Starts with this string, ignoring case.");
        Field<StringGraphType>("nstartsWithIgnoreCase").Description("Does not start with this string even ignoring case, or is absent.");
        Field<StringGraphType>("endsWithIgnoreCase").Description("Ends with this string, ignoring case.");
        Field<StringGraphType>("nendsWithIgnoreCase").Description("Does not end with this string even ignoring case, or is absent.");
    }
}
