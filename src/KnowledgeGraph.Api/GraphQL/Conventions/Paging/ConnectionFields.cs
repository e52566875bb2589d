using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using KnowledgeGraph.Api.Aggregates;
using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Paging;

/// <summary>Declares connection fields: root lists and batched to-many relations.</summary>
internal static class ConnectionFields
{
    /// <summary>A root connection over all nodes of a type.</summary>
    public static FieldBuilder<object?, object> RootConnection<T, TNodeType, TFilterInput, TFilter>(
        this ObjectGraphType type, string name, string description)
        where T : Node
        where TNodeType : IGraphType
        where TFilterInput : IInputObjectGraphType
        where TFilter : IFilterable =>
        type.Field<ConnectionType<T, TNodeType>>(name)
            .Description(description)
            .Arguments<object?, TFilterInput, TFilter>()
            .ResolveAsync(async ctx =>
            {
                var (where, order, page) = ReadArguments<T, TFilter>(ctx, root: true);
                var aggregate = AggregateSource.Root<T>(where);

                // A connection asked only for its aggregate reads no rows.
                return PagingArguments.WantsRows(ctx)
                    ? new Connection<T>(await ctx.Request().Store.ListAsync<T>(where, order, page, ctx.CancellationToken), aggregate)
                    : new Connection<T>(Page<T>.Empty(false), aggregate);
            });

    /// <summary>A to-many relation of <typeparamref name="TSource"/>, batched over all parents of a level.</summary>
    public static FieldBuilder<TSource, object> RelationConnection<TSource, T, TNodeType, TFilterInput, TFilter>(
        this ObjectGraphType<TSource> type,
        string name,
        string description,
        Func<IResolveFieldContext<TSource>, Relation<T>> relation,
        Func<TSource, string> parentKey)
        where T : class
        where TNodeType : IGraphType
        where TFilterInput : IInputObjectGraphType
        where TFilter : IFilterable
    {
        // The arguments are the same for every parent of this field in the request, so they are
        // read, translated and matched to a loader once, not once per parent (and this delegate
        // is made once, not once per parent).
        Func<IResolveFieldContext<TSource>, (BatchLoader<string, Page<T>>? Loader, PageRequest Page, Filter? Where, Relation<T> Related)> perField = ctx =>
        {
            var (where, order, page) = ReadArguments<T, TFilter>(ctx, root: false);
            var related = relation(ctx);
            return (PagingArguments.WantsRows(ctx) ? ctx.Request().Expand(related, where, order, page) : null, page, where, related);
        };
        return type.Field<NonNullGraphType<ConnectionType<T, TNodeType>>>(name)
            .Description(description)
            .Arguments<TSource, TFilterInput, TFilter>()
            .Resolve(ctx =>
            {
                var (loader, page, where, related) = ctx.Request().PerField(ctx, ctx, perField);
                var key = parentKey(ctx.Source);
                var aggregate = AggregateSource.Related(related, where, key);
                if (loader is null)
                {
                    // Only the aggregate is asked for: no rows are read.
                    return new Connection<T>(Page<T>.Empty(false), aggregate);
                }

                return new Mapped<Page<T>?, Connection<T>>(
                    loader.Load(key),
                    p => new Connection<T>(p ?? Page<T>.Empty(page.IncludeTotalCount), aggregate));
            });
    }

    private static FieldBuilder<TSource, object> Arguments<TSource, TFilterInput, TFilter>(this FieldBuilder<TSource, object> field)
        where TFilterInput : IInputObjectGraphType
        where TFilter : IFilterable =>
        field
            .Argument<TFilterInput>("where", "Only the items that match this filter.")
            .Argument<ListGraphType<NonNullGraphType<SortInput<TFilter>>>>("order", "Sort order: the first entry sorts first; ties fall back to the next entry, then to the key.")
            .PagingArgs();

    /// <summary>
    /// How many values a cursor of a root list sorted by a relationship count holds (the sort
    /// values, then the key); null where cursors are indices (every other list, and relations).
    /// </summary>
    private static int? KeysetLength(bool root, IReadOnlyList<SortField> order) =>
        root && SortPosition.AppliesTo(order) ? order.Count + 1 : null;

    /// <summary>The arguments, and the parts of each <typeparamref name="T"/> that the connection's selection reads.</summary>
    private static (Filter? Where, IReadOnlyList<SortField> Order, PageRequest Page) ReadArguments<T, TFilter>(IResolveFieldContext ctx, bool root)
        where TFilter : IFilterable
    {
        var where = Protection.FilterLimit.Check(TFilter.Translate(ctx.GetArgument<object?>("where"), "where"), ctx.Request().Options);
        var order = SortReader.Read(ctx.GetArgument<object?>("order"), "order", TFilter.Sorts);
        var page = PagingArguments.Read(ctx, KeysetLength(root, order)) with { Parts = SelectionParts.OfConnection(ctx, typeof(T).Name) };
        return (where, order, page);
    }
}
