using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Paging;

/// <summary>A page as the connection types expose it.</summary>
internal sealed record Connection<T>(Page<T> Page)
{
    public IEnumerable<Edge<T>> Edges => Page.Items.Select((item, i) => new Edge<T>(Cursor.Encode(Page.Offset + i), item));
}
