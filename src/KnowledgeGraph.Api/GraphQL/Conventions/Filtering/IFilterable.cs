using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>How a record type is filtered and sorted: its <c>where</c> and <c>order</c> inputs.</summary>
internal interface IFilterable
{
    /// <summary>Translates a <c>where</c> input.</summary>
    static abstract Filter? Translate(object? input, string path);

    /// <summary>What the records are called in the plural ("people"), for descriptions.</summary>
    static abstract string Plural { get; }

    /// <summary>The fields a client may sort by, in schema order: the one declaration of the sort input.</summary>
    static abstract IReadOnlyList<SortOption> Sorts { get; }
}
