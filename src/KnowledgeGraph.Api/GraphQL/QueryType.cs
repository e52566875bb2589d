using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.Articles;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.People;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The root <c>Query</c> type.</summary>
internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Who said what about which region, traced to the sentence it came from.";

        Field<NodeInterface>("node")
            .Description("Fetches any object by its global id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The global id.")
            .Resolve(ctx => Load(ctx, Decode(ctx.GetArgument<string>("id"), "id")));

        Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("Fetches objects by their global ids, in the order given; null for each id with no object.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The global ids (at most 100).")
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

        this.RootConnection<Person, PersonType, PersonFilterInput, PersonFilter>("people", "All people.");
        this.RootConnection<Organisation, OrganisationType, OrganisationFilterInput, OrganisationFilter>("organisations", "All organisations.");
        this.RootConnection<Place, PlaceType, PlaceFilterInput, PlaceFilter>("places", "All places.");
        this.RootConnection<Statement, StatementType, StatementFilterInput, StatementFilter>("statements", "All statements.");
        this.RootConnection<Negotiation, NegotiationType, NegotiationFilterInput, NegotiationFilter>("negotiations", "All negotiations.");
        this.RootConnection<Article, ArticleType, ArticleFilterInput, ArticleFilter>("articles", "All articles.");
    }

    private static NodeId Decode(string id, string argument) =>
        NodeId.TryDecode(id, out var nodeId, out var error)
            ? nodeId
            : throw ErrorCodes.Error(ErrorCodes.InvalidId, $"'{argument}': {error}");

    private static global::GraphQL.DataLoader.IDataLoaderResult Load(IResolveFieldContext ctx, NodeId id)
    {
        var request = ctx.Request();
        return id.Type switch
        {
            NodeType.Person => request.Nodes<Person>().Load(id.Key),
            NodeType.Organisation => request.Nodes<Organisation>().Load(id.Key),
            NodeType.Place => request.Nodes<Place>().Load(id.Key),
            NodeType.Statement => request.Nodes<Statement>().Load(id.Key),
            NodeType.Negotiation => request.Nodes<Negotiation>().Load(id.Key),
            NodeType.Article => request.Nodes<Article>().Load(id.Key),
            _ => throw new InvalidOperationException($"No loader for {id.Type}."),
        };
    }
}

/// <summary>The schema.</summary>
internal sealed class KnowledgeGraphSchema : Schema
{
    public KnowledgeGraphSchema(IServiceProvider services, QueryType query, Writes.MutationType mutation)
        : base(services)
    {
        Mutation = mutation;
        Description = "KnowledgeGraph: people, organisations, places, statements and negotiations from the news, each statement traced to the span of the article it rests on.";
        Query = query;
    }
}
