using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>An object filter input: its own fields plus <c>and</c> and <c>or</c> over itself.</summary>
internal abstract class FilterInputType<TSelf> : InputObjectGraphType
    where TSelf : FilterInputType<TSelf>
{
    protected FilterInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<ListGraphType<NonNullGraphType<TSelf>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<TSelf>>>("or").Description("At least one of these conditions holds.");
    }
}
