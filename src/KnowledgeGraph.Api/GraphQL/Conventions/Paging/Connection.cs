using KnowledgeGraph.Api.Aggregates;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Paging;

/// <summary>A page as the connection types expose it, and where its <c>aggregate</c> comes from (if it has one).</summary>
internal sealed record Connection<T>(Page<T> Page, AggregateSource? Aggregate = null)
{
    public IEnumerable<Edge<T>> Edges => Page.Items.Select((item, i) => new Edge<T>(Cursor.Of(Page, i), item));
}
