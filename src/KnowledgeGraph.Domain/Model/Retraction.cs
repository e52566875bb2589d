namespace KnowledgeGraph.Domain.Model;

/// <summary>Why and when a statement was withdrawn; the statement and its evidence are kept.</summary>
/// <param name="Reason">Why it was retracted, as the editor gave it.</param>
/// <param name="At">When it was retracted.</param>
public sealed record Retraction(string Reason, DateTimeOffset At);
