using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// The bound on a translated <c>where</c>: at most <see cref="GraphQLOptions.MaxFilterConditions"/>
/// conditions, refused with <c>INVALID_FILTER</c> before any store sees it, the same on every store.
/// </summary>
internal static class FilterLimit
{
    public static Filter? Check(Filter? filter, GraphQLOptions options)
    {
        var shape = FilterShape.Of(filter);
        if (options.MaxFilterConditions > 0 && shape.Conditions > options.MaxFilterConditions)
        {
            throw FilterReader.Invalid("where", $"the filter has {shape.Conditions} conditions (comparisons, and/or entries, relation filters); the maximum allowed is {options.MaxFilterConditions}.");
        }

        // What the API lets through is always within what a store translates.
        FilterShape.EnsureTranslatable(filter);
        return filter;
    }
}
