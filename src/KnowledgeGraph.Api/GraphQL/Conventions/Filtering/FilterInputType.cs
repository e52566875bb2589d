using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>An object filter input: <c>and</c> and <c>or</c> over itself, then its declared fields.</summary>
internal abstract class FilterInputType<TSelf> : InputObjectGraphType
    where TSelf : FilterInputType<TSelf>, IDeclaredFilter
{
    protected FilterInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<ListGraphType<NonNullGraphType<TSelf>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<TSelf>>>("or").Description("At least one of these conditions holds.");
        foreach (var field in TSelf.Declared)
        {
            field.Declare(this, field);
        }
    }
}
