using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Paging;

/// <summary>Reads the Relay arguments of a connection field.</summary>
internal static class PagingArguments
{
    public static FieldBuilder<TSource, object> PagingArgs<TSource>(this FieldBuilder<TSource, object> field) => field
        .Argument<IntGraphType>("first", "Returns the first n items of the list (default 10, at most 100).")
        .Argument<StringGraphType>("after", "Returns the items after the item with this cursor.")
        .Argument<IntGraphType>("last", "Returns the last n items of the list (at most 100).")
        .Argument<StringGraphType>("before", "Returns the items before the item with this cursor.");

    /// <summary>
    /// The page asked for. A cursor holding sort values is accepted only where the list pages by
    /// them, with <paramref name="positionLength"/> values; anywhere else it is an
    /// <c>INVALID_CURSOR</c> error, as it was issued for another list or order.
    /// </summary>
    public static PageRequest Read(IResolveFieldContext context, int? positionLength = null)
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

        var (afterIndex, afterPosition) = after is null ? (null, null) : Cursor.DecodeAny(after, "after");
        var (beforeIndex, beforePosition) = before is null ? (null, null) : Cursor.DecodeAny(before, "before");
        foreach (var (name, cursor, position) in new[] { ("after", after, afterPosition), ("before", before, beforePosition) })
        {
            if (position is not null && position.Values.Count != positionLength)
            {
                throw ErrorCodes.Error(ErrorCodes.InvalidCursor, $"The cursor '{cursor}' given as '{name}' was issued for another list or order.");
            }
        }

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

        return new PageRequest(first, last, afterIndex, beforeIndex, wantsCount) { AfterPosition = afterPosition, BeforePosition = beforePosition };
    }

    /// <summary>Whether the client selects anything of the connection that needs its rows or their count.</summary>
    public static bool WantsRows(IResolveFieldContext context)
    {
        var selected = SelectedFields(context);
        return selected.Contains("edges") || selected.Contains("nodes") || selected.Contains("pageInfo") || selected.Contains("totalCount");
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
