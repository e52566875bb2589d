using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.GraphQL.Protection;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Nodes;

/// <summary>The root fields <c>node</c> and <c>nodes</c>: any object by its global id.</summary>
internal static class NodeQueries
{
    public static void AddNodeQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Fetches any object by its global id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The global id.")
            .WithMetadata(QueryLimitsRule.LookupRootKey, true)
            .Resolve(ctx => Load(ctx, Decode(ctx.GetArgument<string>("id"), "id")));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("Fetches objects by their global ids, in the order given; null for each id with no object.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The global ids (at most 100).")
            .WithMetadata(QueryLimitsRule.LookupRootKey, true)
            .Resolve(ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                var max = ctx.Request().Options.MaxNodeIds;
                if (ids.Count > max)
                {
                    throw ErrorCodes.Error(ErrorCodes.TooManyIds, $"'ids' may hold at most {max} ids (it held {ids.Count}).");
                }

                var loads = ids.Select((id, i) => Load(ctx, Decode(id, $"ids[{i}]"))).ToArray();
                return new Sequence(loads);
            });
    }

    private static NodeId Decode(string id, string argument) =>
        NodeId.TryDecode(id, out var nodeId, out var error)
            ? nodeId
            : throw ErrorCodes.Error(ErrorCodes.InvalidId, $"'{argument}': {error}");

    internal static global::GraphQL.DataLoader.IDataLoaderResult Load(IResolveFieldContext ctx, NodeId id)
    {
        var request = ctx.Request();
        return id.Type switch
        {
            NodeType.Person => request.Nodes<Person>(ctx).Load(id.Key),
            NodeType.Organisation => request.Nodes<Organisation>(ctx).Load(id.Key),
            NodeType.Place => request.Nodes<Place>(ctx).Load(id.Key),
            NodeType.Statement => request.Nodes<Statement>(ctx).Load(id.Key),
            NodeType.Negotiation => request.Nodes<Negotiation>(ctx).Load(id.Key),
            NodeType.Article => request.Nodes<Article>(ctx).Load(id.Key),
            _ => throw new InvalidOperationException($"No loader for {id.Type}."),
        };
    }
}
