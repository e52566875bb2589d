using GraphQL.Types;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Nodes;

/// <summary>The Relay <c>Node</c> interface.</summary>
internal sealed class NodeInterface : InterfaceGraphType<Node>
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id, which `node(id:)` fetches again. Ids are Base64 of `Type:key` and survive re-imports.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global id: Base64 of `Type:key`.");
    }
}
