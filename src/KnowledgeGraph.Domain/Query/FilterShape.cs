namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// The size of a <see cref="Filter"/> tree, measured without recursion, so that a filter of any
/// shape can be refused before a store translates it (a translation is recursive, and the
/// databases bound their expression trees: SQLite at 1000 levels).
/// </summary>
/// <param name="Conditions">Every node of the tree: comparisons, <c>and</c>/<c>or</c> and relation filters.</param>
/// <param name="Depth">The longest path from the root to a leaf, in nodes.</param>
/// <param name="Relations">The most relation filters on one path from the root to a leaf.</param>
public readonly record struct FilterShape(int Conditions, int Depth, int Relations)
{
    /// <summary>The most conditions a store translates, whatever the API allows.</summary>
    public const int StoreMaxConditions = 1000;

    /// <summary>The deepest filter a store translates, whatever the API allows.</summary>
    public const int StoreMaxDepth = 64;

    /// <summary>
    /// The most relation filters nested in one another that a store translates. Each is a
    /// subquery (SQLite: <c>EXISTS (SELECT …)</c>), and SQLite counts a subquery's whole height
    /// into the expression around it, and/or levels inside it included: a bare chain of 32 is
    /// deeper than its limit of 1000 where one of 24 is not, and 13 with and/or levels between
    /// them up to <see cref="StoreMaxDepth"/> are too deep where 12 are not. Through GraphQL, with
    /// input objects nested at most 16 deep (the default), a chain of 14 can be sent; 13 and 14
    /// are refused here.
    /// </summary>
    public const int StoreMaxRelationDepth = 12;

    /// <summary>Measures <paramref name="filter"/>; an absent filter is (0, 0, 0).</summary>
    public static FilterShape Of(Filter? filter)
    {
        if (filter is null)
        {
            return default;
        }

        var (conditions, deepest, relations) = (0, 0, 0);
        var stack = new Stack<(Filter Node, int Depth, int Relations)>();
        stack.Push((filter, 1, filter is Related ? 1 : 0));
        while (stack.Count > 0)
        {
            var (node, depth, onPath) = stack.Pop();
            conditions++;
            deepest = Math.Max(deepest, depth);
            relations = Math.Max(relations, onPath);
            var children = node switch
            {
                AllOf all => all.Filters,
                AnyOf any => any.Filters,
                Related related => [related.Filter],
                _ => [],
            };
            foreach (var child in children)
            {
                stack.Push((child, depth + 1, child is Related ? onPath + 1 : onPath));
            }
        }

        return new FilterShape(conditions, deepest, relations);
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

        if (shape.Relations > StoreMaxRelationDepth)
        {
            throw new FilterTooLargeException(
                $"The filter nests relation filters {shape.Relations} deep; a store translates at most {StoreMaxRelationDepth} nested in one another.");
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
