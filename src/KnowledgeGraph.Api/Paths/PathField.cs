using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.GraphQL.Protection;
using KnowledgeGraph.Api.Statistics;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Paths;

/// <summary>A path as the API returns it: its nodes loaded, and its hops.</summary>
internal sealed record PathModel(IReadOnlyList<Node> Nodes, IReadOnlyList<HopModel> Hops);

/// <summary>One hop of a path.</summary>
internal sealed record HopModel(Node From, Node To, string Relationship, bool Forward);

/// <summary>The root field <c>path</c>: the shortest chains of relationships between two nodes.</summary>
internal static class PathField
{
    /// <summary>The code of a node id that is well formed but names no node.</summary>
    public const string NodeNotFound = "NODE_NOT_FOUND";

    /// <summary>Adds <c>path</c> to the root type.</summary>
    public static void AddPath(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathType>>>>("path")
            .Description($"The shortest chains of relationships between two nodes, each relationship followed in either direction: every path of the shortest length found, at most {PathLimits.DefaultMaxPaths}, "
                + "ordered by the ids of their nodes, then by their relationships. Empty when no path is at most `maxLength` hops long. "
                + $"A node other than the two ends with more than {PathLimits.DefaultMaxDegree} relationships (a hub, such as a country many statements are about) is not gone through. "
                + "`from` equal to `to` gives one path of no hops. Rounds of talks are not nodes, so no path goes through one. One store call for the search, then one per type of the nodes on the paths.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "The global id of the node the paths start at.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "The global id of the node the paths end at.")
            .Argument<IntGraphType>("maxLength", $"The most hops a path may have, from 1 to {PathLimits.LongestAllowed}.", a => a.DefaultValue = PathLimits.DefaultLength)
            .WithMetadata(QueryLimitsRule.StoreFieldKey, true)
            .ResolveAsync(async ctx =>
            {
                var from = Decode(ctx.GetArgument<string>("from"), "from");
                var to = Decode(ctx.GetArgument<string>("to"), "to");
                var maxLength = ctx.GetArgument("maxLength", PathLimits.DefaultLength);
                if (maxLength < 1 || maxLength > PathLimits.LongestAllowed)
                {
                    throw ErrorCodes.Error(StatementStatsField.InvalidArgument, $"'maxLength' must be from 1 to {PathLimits.LongestAllowed} (it was {maxLength}).");
                }

                var limits = new PathLimits(maxLength, PathLimits.DefaultMaxPaths, PathLimits.DefaultMaxDegree);
                var paths = from == to
                    ? [new GraphPath([from], [])]
                    : await ctx.RequestServices!.GetRequiredService<IGraphAnalytics>().ShortestPathsAsync(from, to, limits, ctx.CancellationToken);

                // Every node of every path, and both ends, loaded in one call per node type.
                var ids = paths.SelectMany(p => p.Nodes).Append(from).Append(to).Distinct().ToArray();
                var pending = ids.Select(id => (id, Load(ctx, id))).ToArray();
                var nodes = new Dictionary<NodeId, Node>();
                foreach (var (id, load) in pending)
                {
                    if (await load.GetResultAsync(ctx.CancellationToken) is Node node)
                    {
                        nodes[id] = node;
                    }
                }

                foreach (var (id, argument) in new[] { (from, "from"), (to, "to") })
                {
                    if (!nodes.ContainsKey(id))
                    {
                        throw ErrorCodes.Error(NodeNotFound, $"'{argument}': no {id.Type} has the key '{id.Key}'.");
                    }
                }

                return paths.Select(p => new PathModel(
                    [.. p.Nodes.Select(n => nodes[n])],
                    [.. p.Links.Select((l, i) => new HopModel(nodes[p.Nodes[i]], nodes[p.Nodes[i + 1]], l.Relationship, l.Forward))])).ToArray();
            });

    private static NodeId Decode(string id, string argument) =>
        NodeId.TryDecode(id, out var nodeId, out var error)
            ? nodeId
            : throw ErrorCodes.Error(ErrorCodes.InvalidId, $"'{argument}': {error}");

    private static IDataLoaderResult Load(IResolveFieldContext ctx, NodeId id)
    {
        var request = ctx.Request();
        return id.Type switch
        {
            NodeType.Person => request.Nodes<Person>(RecordParts.All).Load(id.Key),
            NodeType.Organisation => request.Nodes<Organisation>(RecordParts.All).Load(id.Key),
            NodeType.Place => request.Nodes<Place>(RecordParts.All).Load(id.Key),
            NodeType.Statement => request.Nodes<Statement>(RecordParts.All).Load(id.Key),
            NodeType.Negotiation => request.Nodes<Negotiation>(RecordParts.All).Load(id.Key),
            NodeType.Article => request.Nodes<Article>(RecordParts.All).Load(id.Key),
            _ => throw new InvalidOperationException($"No loader for {id.Type}."),
        };
    }
}

/// <summary>The <c>Path</c> type.</summary>
internal sealed class PathType : ObjectGraphType<PathModel>
{
    public PathType()
    {
        Name = "Path";
        Description = "A chain of relationships between two nodes.";
        Field<NonNullGraphType<IntGraphType>>("length").Description("How many hops the path has (0 when it starts where it ends).").Resolve(ctx => ctx.Source.Hops.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes")
            .Description("The nodes in order, from the start to the end, both included.").Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathHopType>>>>("hops")
            .Description("The hops in order: the first starts at the path's start, the last ends at its end.").Resolve(ctx => ctx.Source.Hops);
    }
}

/// <summary>The <c>PathHop</c> type.</summary>
internal sealed class PathHopType : ObjectGraphType<HopModel>
{
    public PathHopType()
    {
        Name = "PathHop";
        Description = "One step of a path: the relationship between two neighbouring nodes, and which way it points.";
        Field<NonNullGraphType<NodeInterface>>("from").Description("The node this hop leaves.").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<NodeInterface>>("to").Description("The node this hop reaches.").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<PathRelationshipType>>("relationship").Description("The relationship followed.").Resolve(ctx => ctx.Source.Relationship);
        Field<NonNullGraphType<PathDirectionType>>("direction").Description("Whether the relationship points from `from` to `to` (FORWARD) or the other way (BACKWARD).")
            .Resolve(ctx => ctx.Source.Forward ? "FORWARD" : "BACKWARD");
    }
}

/// <summary>The <c>PathDirection</c> enum.</summary>
internal sealed class PathDirectionType : EnumerationGraphType
{
    public PathDirectionType()
    {
        Name = "PathDirection";
        Description = "Which way a relationship points, seen from a hop.";
        Add("FORWARD", "FORWARD", "From the hop's `from` node to its `to` node, such as a statement SAID_BY its speaker.");
        Add("BACKWARD", "BACKWARD", "From the hop's `to` node to its `from` node, such as from a speaker back to a statement they made.");
    }
}

/// <summary>The <c>PathRelationship</c> enum.</summary>
internal sealed class PathRelationshipType : EnumerationGraphType
{
    public PathRelationshipType()
    {
        Name = "PathRelationship";
        Description = "The relationships a path follows (the names of the Neo4j graph model).";
        Add(PathRelationships.SaidBy, PathRelationships.SaidBy, "A statement to the person or organisation that made it.");
        Add(PathRelationships.SaidAt, PathRelationships.SaidAt, "A statement to the place it was made at.");
        Add(PathRelationships.About, PathRelationships.About, "A statement to a place it is about.");
        Add(PathRelationships.InNegotiation, PathRelationships.InNegotiation, "A statement to the negotiation it was made in.");
        Add(PathRelationships.RespondsTo, PathRelationships.RespondsTo, "A statement to the statement it answers.");
        Add(PathRelationships.EvidencedBy, PathRelationships.EvidencedBy, "A statement to an article that reports it.");
        Add(PathRelationships.ContainedIn, PathRelationships.ContainedIn, "A place to the place it lies in.");
        Add(PathRelationships.BasedIn, PathRelationships.BasedIn, "An organisation to its country.");
        Add(PathRelationships.PartOf, PathRelationships.PartOf, "An organisation to the body it belongs to.");
        Add(PathRelationships.AffiliatedWith, PathRelationships.AffiliatedWith, "A person to an organisation they belong or belonged to.");
        Add(PathRelationships.HeldAt, PathRelationships.HeldAt, "A negotiation to its venue.");
        Add(PathRelationships.HasParty, PathRelationships.HasParty, "A negotiation to a party to the talks.");
    }
}
