namespace KnowledgeGraph.Domain.Ids;

/// <summary>The node types of the graph; each name is the prefix of its global ids.</summary>
public enum NodeType
{
    /// <summary>A person who speaks or is affiliated with organisations; ids <c>Person:key</c>.</summary>
    Person,
    /// <summary>A government, agency, outlet or other body; ids <c>Organisation:key</c>.</summary>
    Organisation,
    /// <summary>A country, region or settlement, contained in another; ids <c>Place:key</c>.</summary>
    Place,
    /// <summary>One thing said by a speaker, with its evidence; ids <c>Statement:key</c>.</summary>
    Statement,
    /// <summary>Talks between parties, with rounds; ids <c>Negotiation:key</c>.</summary>
    Negotiation,
    /// <summary>A news article that statements are evidenced by; ids <c>Article:key</c>.</summary>
    Article,
}
