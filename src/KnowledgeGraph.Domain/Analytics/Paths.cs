using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Domain.Analytics;

/// <summary>
/// A chain of relationships between two nodes: <see cref="Nodes"/> from the start to the end,
/// and between each two neighbours the relationship that links them.
/// </summary>
/// <param name="Nodes">The nodes in order, both ends included; one node for a path of no hops.</param>
/// <param name="Links">One fewer than <see cref="Nodes"/>: <c>Links[i]</c> links <c>Nodes[i]</c> and <c>Nodes[i + 1]</c>.</param>
public sealed record GraphPath(IReadOnlyList<NodeId> Nodes, IReadOnlyList<PathLink> Links);

/// <summary>One hop of a path.</summary>
/// <param name="Relationship">The relationship's name, one of <see cref="PathRelationships.All"/>.</param>
/// <param name="Forward">Whether the relationship points along the path (from the earlier node to the later one).</param>
public sealed record PathLink(string Relationship, bool Forward);

/// <summary>How far a path search may go.</summary>
/// <param name="MaxLength">The most hops a path may have.</param>
/// <param name="MaxPaths">The most paths returned.</param>
/// <param name="MaxDegree">A node with more relationships than this is not passed through (it
/// may still be an end): a hub would otherwise multiply the search by its neighbours.</param>
public sealed record PathLimits(int MaxLength, int MaxPaths, int MaxDegree)
{
    /// <summary>The longest path anyone may ask for.</summary>
    public const int LongestAllowed = 6;

    /// <summary>The length asked for when none is given.</summary>
    public const int DefaultLength = 4;

    /// <summary>The most paths returned.</summary>
    public const int DefaultMaxPaths = 10;

    /// <summary>The most relationships a node passed through may have.</summary>
    public const int DefaultMaxDegree = 500;
}

/// <summary>
/// The relationships a path follows: the same names as the Neo4j graph model, for the links
/// between the six node types (rounds of talks are not nodes of the API, so not on a path).
/// </summary>
public static class PathRelationships
{
    /// <summary>Statement → Person or Organisation: who made it.</summary>
    public const string SaidBy = "SAID_BY";

    /// <summary>Statement → Place: where it was made.</summary>
    public const string SaidAt = "SAID_AT";

    /// <summary>Statement → Place: what it is about.</summary>
    public const string About = "ABOUT";

    /// <summary>Statement → Negotiation: the talks it was made in.</summary>
    public const string InNegotiation = "IN_NEGOTIATION";

    /// <summary>Statement → Statement: what it answers.</summary>
    public const string RespondsTo = "RESPONDS_TO";

    /// <summary>Statement → Article: an article that reports it.</summary>
    public const string EvidencedBy = "EVIDENCED_BY";

    /// <summary>Place → Place: the place it lies in.</summary>
    public const string ContainedIn = "CONTAINED_IN";

    /// <summary>Organisation → Place: its country.</summary>
    public const string BasedIn = "BASED_IN";

    /// <summary>Organisation → Organisation: the body it belongs to.</summary>
    public const string PartOf = "PART_OF";

    /// <summary>Person → Organisation: a membership.</summary>
    public const string AffiliatedWith = "AFFILIATED_WITH";

    /// <summary>Negotiation → Place: its venue.</summary>
    public const string HeldAt = "HELD_AT";

    /// <summary>Negotiation → Organisation: a party to the talks.</summary>
    public const string HasParty = "HAS_PARTY";

    /// <summary>Every relationship a path may follow.</summary>
    public static IReadOnlyList<string> All { get; } =
        [SaidBy, SaidAt, About, InNegotiation, RespondsTo, EvidencedBy, ContainedIn, BasedIn, PartOf, AffiliatedWith, HeldAt, HasParty];
}
