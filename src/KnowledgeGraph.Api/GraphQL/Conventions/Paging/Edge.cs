namespace KnowledgeGraph.Api.GraphQL.Conventions.Paging;

/// <summary>An item of a connection with its cursor.</summary>
internal sealed record Edge<T>(string Cursor, T Node);
