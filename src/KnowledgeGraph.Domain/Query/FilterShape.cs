namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// The size of a <see cref="Filter"/> tree, measured without recursion, so that a filter of any
/// shape can be refused before a store translates it (a translation is recursive, and the
/// databases bound their expression trees: SQLite at 1000 levels).
/// </summary>
/// <param name="Conditions">Every node of the tree: comparisons, <c>and</c>/<c>or</c> and relation filters.</param>
/// <param name="Depth">The longest path from the root to a leaf, in nodes.</param>
public readonly record struct FilterShape(int Conditions, int Depth)
{
    /// <summary>The most conditions a store translates, whatever the API allows.</summary>
    public const int StoreMaxConditions = 1000;

    /// <summary>The deepest filter a store translates, whatever the API allows.</summary>
    public const int StoreMaxDepth = 64;

    /// <summary>Measures <paramref name="filter"/>; an absent filter is (0, 0).</summary>
    public static FilterShape Of(Filter? filter)
    {
        if (filter is null)
        {
            return default;
        }

        var (conditions, deepest) = (0, 0);
        var stack = new Stack<(Filter Node, int Depth)>();
        stack.Push((filter, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            conditions++;
            deepest = Math.Max(deepest, depth);
            var children = node switch
            {
                AllOf all => all.Filters,
                AnyOf any => any.Filters,
                Related related => [related.Filter],
                _ => [],
            };
            foreach (var child in children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return new FilterShape(conditions, deepest);
    }

    /// <summary>Throws <see cref="FilterTooLargeException"/> when a store should not translate <paramref name="filter"/>.</summary>
    public static void EnsureTranslatable(Filter? filter)
    {
        var shape = Of(filter);
        if (shape.Conditions > StoreMaxConditions || shape.Depth > StoreMaxDepth)
        {
            throw new FilterTooLargeException(
                $"The filter has {shape.Conditions} conditions nested {shape.Depth} deep; a store translates at most {StoreMaxConditions} conditions nested {StoreMaxDepth} deep.");
        }
    }
}

/// <summary>A filter too large or too deep for a store to translate; the client's to simplify.</summary>
public sealed class FilterTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FilterTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FilterTooLargeException()
        : this("The filter is too large to translate.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public FilterTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
