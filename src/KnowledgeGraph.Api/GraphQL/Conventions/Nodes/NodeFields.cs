using GraphQL.Types;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Nodes;

/// <summary>Fields every node type shares.</summary>
internal static class NodeFields
{
    public static void AddNodeFields<T>(this ObjectGraphType<T> type)
        where T : Node
    {
        type.Interface<NodeInterface>();
        type.IsTypeOf = o => o is T;
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("The global id: Base64 of `Type:key`.").Resolve(ctx => ctx.Source.Id.Encode());
        type.Field<NonNullGraphType<StringGraphType>>("key").Description("The stable key (a slug) this record has in every store and import.").Resolve(ctx => ctx.Source.Key);
    }
}
