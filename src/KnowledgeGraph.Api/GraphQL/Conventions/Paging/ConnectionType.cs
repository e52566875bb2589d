using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.Aggregates;
using KnowledgeGraph.Api.GraphQL.Protection;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Paging;

/// <summary>A connection type, named after its node type (<c>StatementConnection</c>).</summary>
internal sealed class ConnectionType<T, TNodeType> : ObjectGraphType<Connection<T>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var node = NodeName();
        Name = node + "Connection";
        Description = $"A connection to a list of {node} items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .Resolve(ctx => new PageInfoModel(ctx.Source.Page.HasNextPage, ctx.Source.Page.HasPreviousPage,
                ctx.Source.Page.Items.Count == 0 ? null : Cursor.Of(ctx.Source.Page, 0),
                ctx.Source.Page.Items.Count == 0 ? null : Cursor.Of(ctx.Source.Page, ctx.Source.Page.Items.Count - 1)));
        Field<ListGraphType<NonNullGraphType<EdgeType<T, TNodeType>>>>("edges")
            .Description("A list of edges.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes")
            .Description("A flattened list of the nodes.")
            .Resolve(ctx => ctx.Source.Page.Items);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection (computed only when selected).")
            .Resolve(ctx => ctx.Source.Page.TotalCount);
        if (AggregateTypes.For(typeof(T)) is { } aggregate)
        {
            // Priced like a store field: it is one (batched) store call of its own.
            Field("aggregate", typeof(NonNullGraphType<>).MakeGenericType(aggregate))
                .Description("Figures over every item of the connection that matches its `where`, whatever the page: the count, the earliest and latest date where the items are dated, and counts per kind where they have one. "
                    + "Computed by the store without loading the items; for a relation, one store call answers every parent of the level.")
                .WithMetadata(QueryLimitsRule.StoreFieldKey, true)
                .Resolve(ctx => ctx.Source.Aggregate?.Load(ctx)
                    ?? throw new InvalidOperationException($"The {Name} was made without an aggregate source."));
        }
    }

    internal static string NodeName()
    {
        var name = typeof(TNodeType).Name;
        return name.EndsWith("Type", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
