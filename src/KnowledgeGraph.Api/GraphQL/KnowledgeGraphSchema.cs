using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The schema.</summary>
internal sealed class KnowledgeGraphSchema : Schema
{
    public KnowledgeGraphSchema(IServiceProvider services, QueryType query, Writes.MutationType mutation)
        : base(services)
    {
        Description = "KnowledgeGraph: people, organisations, places, statements and negotiations from the news, each statement traced to the span of the article it rests on.";
        Query = query;
        Mutation = mutation;
    }
}
