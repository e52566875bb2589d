using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Domain.Analytics;

/// <summary>
/// One event of a timeline: a statement (its key and what it answers) or a round of talks.
/// Statements come with their keys only; the caller loads them in one batch.
/// </summary>
/// <param name="Date">When it happened; null when not known.</param>
/// <param name="StatementKey">The statement, or null for a round.</param>
/// <param name="RespondsToKey">The statement this one answers, if any.</param>
/// <param name="NegotiationKey">For a round, its negotiation.</param>
/// <param name="Round">For a round, the round.</param>
public sealed record TimelineEvent(DateOnly? Date, string? StatementKey, string? RespondsToKey, string? NegotiationKey, NegotiationRound? Round);

/// <summary>What a timeline is of, and how many events at most it reads.</summary>
public static class Timelines
{
    /// <summary>The most events one timeline reads; more is reported, not truncated silently.</summary>
    public const int MaxEvents = 2000;

    /// <summary>Whether a timeline can be drawn for nodes of <paramref name="type"/>.</summary>
    public static bool Supports(NodeType type) =>
        type is NodeType.Place or NodeType.Person or NodeType.Organisation or NodeType.Negotiation;
}
