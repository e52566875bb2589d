namespace KnowledgeGraph.Domain.Ids;

/// <summary>The node types of the graph; each name is the prefix of its global ids.</summary>
public enum NodeType
{
    Person,
    Organisation,
    Place,
    Statement,
    Negotiation,
    Article,
}
