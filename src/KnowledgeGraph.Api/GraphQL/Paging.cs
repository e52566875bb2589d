using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Relay cursors: Base64 of the item's index, as HotChocolate issues them.</summary>
internal static class Cursor
{
    public static string Encode(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string? cursor, string argument)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor ?? string.Empty));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return index;
            }
        }
        catch (FormatException)
        {
        }

        throw ErrorCodes.Error(ErrorCodes.InvalidCursor, $"The cursor '{cursor}' given as '{argument}' is not a cursor issued by this API.");
    }
}

/// <summary>A page as the connection types expose it.</summary>
internal sealed record Connection<T>(Page<T> Page)
{
    public IEnumerable<Edge<T>> Edges => Page.Items.Select((item, i) => new Edge<T>(Cursor.Encode(Page.Offset + i), item));
}

/// <summary>An item of a connection with its cursor.</summary>
internal sealed record Edge<T>(string Cursor, T Node);

/// <summary>Reads the Relay arguments of a connection field.</summary>
internal static class PagingArguments
{
    public static FieldBuilder<TSource, object> PagingArgs<TSource>(this FieldBuilder<TSource, object> field) => field
        .Argument<IntGraphType>("first", "Returns the first n items of the list (default 10, at most 100).")
        .Argument<StringGraphType>("after", "Returns the items after the item with this cursor.")
        .Argument<IntGraphType>("last", "Returns the last n items of the list (at most 100).")
        .Argument<StringGraphType>("before", "Returns the items before the item with this cursor.");

    public static PageRequest Read(IResolveFieldContext context)
    {
        var options = context.Request().Options;
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        if (first is not null && last is not null)
        {
            throw ErrorCodes.Error(ErrorCodes.InvalidPaging, "Pass either 'first' or 'last', not both.");
        }

        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value < 0)
            {
                throw ErrorCodes.Error(ErrorCodes.InvalidPaging, $"'{name}' must not be negative (it was {value}).");
            }

            if (value > options.MaxPageSize)
            {
                throw ErrorCodes.Error(ErrorCodes.PageSizeExceeded, $"Requesting more than {options.MaxPageSize} items per page is not allowed ('{name}' was {value}).");
            }
        }

        var afterIndex = after is null ? (int?)null : Cursor.Decode(after, "after");
        var beforeIndex = before is null ? (int?)null : Cursor.Decode(before, "before");
        if (first is null && last is null)
        {
            first = options.DefaultPageSize;
        }

        // Only what the client selects is computed: the count only when asked for, and no
        // items at all when nothing but the count is asked for.
        var selected = SelectedFields(context);
        var wantsItems = selected.Contains("edges") || selected.Contains("nodes") || selected.Contains("pageInfo");
        var wantsCount = selected.Contains("totalCount");
        if (!wantsItems)
        {
            first = 0;
            last = null;
        }

        return new PageRequest(first, last, afterIndex, beforeIndex, wantsCount);
    }

    private static HashSet<string> SelectedFields(IResolveFieldContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (context.SubFields is { } fields)
        {
            foreach (var (_, (field, _)) in fields)
            {
                names.Add(field.Name.StringValue);
            }
        }

        return names;
    }
}

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
                ctx.Source.Page.Items.Count == 0 ? null : Cursor.Encode(ctx.Source.Page.Offset),
                ctx.Source.Page.Items.Count == 0 ? null : Cursor.Encode(ctx.Source.Page.Offset + ctx.Source.Page.Items.Count - 1)));
        Field<ListGraphType<NonNullGraphType<EdgeType<T, TNodeType>>>>("edges")
            .Description("A list of edges.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes")
            .Description("A flattened list of the nodes.")
            .Resolve(ctx => ctx.Source.Page.Items);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection (computed only when selected).")
            .Resolve(ctx => ctx.Source.Page.TotalCount);
    }

    internal static string NodeName()
    {
        var name = typeof(TNodeType).Name;
        return name.EndsWith("Type", StringComparison.Ordinal) ? name[..^4] : name;
    }
}

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

/// <summary>The values of <c>PageInfo</c>.</summary>
internal sealed record PageInfoModel(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>The Relay <c>PageInfo</c> type.</summary>
internal sealed class PageInfoGraphType : ObjectGraphType<PageInfoModel>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Indicates whether more edges exist following the set defined by the clients arguments.").Resolve(ctx => ctx.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Indicates whether more edges exist prior the set defined by the clients arguments.").Resolve(ctx => ctx.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("When paginating backwards, the cursor to continue.").Resolve(ctx => ctx.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("When paginating forwards, the cursor to continue.").Resolve(ctx => ctx.Source.EndCursor);
    }
}
