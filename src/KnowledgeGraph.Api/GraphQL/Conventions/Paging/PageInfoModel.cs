namespace KnowledgeGraph.Api.GraphQL.Conventions.Paging;

/// <summary>The values of <c>PageInfo</c>.</summary>
internal sealed record PageInfoModel(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
