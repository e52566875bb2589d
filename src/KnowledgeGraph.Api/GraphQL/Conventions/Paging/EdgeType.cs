using GraphQL.Types;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Paging;

/// <summary>An edge type, named after its node type (<c>StatementEdge</c>).</summary>
internal sealed class EdgeType<T, TNodeType> : ObjectGraphType<Edge<T>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        var node = ConnectionType<T, TNodeType>.NodeName();
        Name = node + "Edge";
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item at the end of the edge.").Resolve(ctx => ctx.Source.Node);
    }
}
