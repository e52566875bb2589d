using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Domain.Import;

/// <summary>What an import did to one record.</summary>
public enum RecordOutcome
{
    /// <summary>A record new to the store.</summary>
    Created,

    /// <summary>A record the store held, with something new.</summary>
    Updated,

    /// <summary>A record the store held already, exactly so.</summary>
    Unchanged,

    /// <summary>A record resolved onto one the store held (under another key) and merged into it.</summary>
    Merged,

    /// <summary>A record of a document that was rejected: nothing of it was written.</summary>
    Rejected,
}

/// <summary>What became of one record of a document.</summary>
/// <param name="Id">The record's id in the store (for a merged record, the record it was merged into).</param>
/// <param name="Outcome">What the import did.</param>
/// <param name="Path">The JSON path of the record in the document.</param>
/// <param name="GivenKey">The key the document gave or derived, when it differs from <see cref="Id"/>.</param>
/// <param name="Rule">For a record resolved onto another, the resolution rule.</param>
/// <param name="Score">For a record resolved onto another, the rule's score.</param>
public sealed record RecordChange(NodeId Id, RecordOutcome Outcome, string Path, string? GivenKey = null, string? Rule = null, double? Score = null);

/// <summary>How many records of one type met each outcome.</summary>
public sealed record OutcomeCounts(int Created, int Updated, int Unchanged, int Merged, int Rejected)
{
    /// <summary>No records.</summary>
    public static OutcomeCounts Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Every record counted.</summary>
    public int Total => Created + Updated + Unchanged + Merged + Rejected;

    /// <summary>These counts with one more record of <paramref name="outcome"/>.</summary>
    public OutcomeCounts Add(RecordOutcome outcome, int count = 1) => outcome switch
    {
        RecordOutcome.Created => this with { Created = Created + count },
        RecordOutcome.Updated => this with { Updated = Updated + count },
        RecordOutcome.Unchanged => this with { Unchanged = Unchanged + count },
        RecordOutcome.Merged => this with { Merged = Merged + count },
        _ => this with { Rejected = Rejected + count },
    };

    /// <summary>The sum of two counts.</summary>
    public OutcomeCounts Plus(OutcomeCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Created + other.Created, Updated + other.Updated, Unchanged + other.Unchanged, Merged + other.Merged, Rejected + other.Rejected);
    }
}

/// <summary>The result of importing one document: accepted whole, or rejected whole with every problem.</summary>
/// <param name="Source">The document's name, such as its file name.</param>
/// <param name="Accepted">Whether the document landed (or, in a dry run, would land).</param>
/// <param name="DryRun">Whether nothing was written by design.</param>
/// <param name="Changes">Every record and what became of it (for a rejected document, each record it held, as rejected).</param>
/// <param name="Ambiguities">Records whose name fitted two or more stored records equally: nothing was guessed.</param>
/// <param name="Problems">Every problem, by JSON path; empty when accepted.</param>
public sealed record ImportResult(
    string Source,
    bool Accepted,
    bool DryRun,
    IReadOnlyList<RecordChange> Changes,
    IReadOnlyList<Ambiguity> Ambiguities,
    IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>How many records of each type met each outcome.</summary>
    public IReadOnlyDictionary<NodeType, OutcomeCounts> Counts =>
        Enum.GetValues<NodeType>().ToDictionary(
            t => t,
            t => Changes.Where(c => c.Id.Type == t).Aggregate(OutcomeCounts.Zero, (sum, c) => sum.Add(c.Outcome)));

    /// <summary>How many records of the document were statements.</summary>
    public int Statements => Changes.Count(c => c.Id.Type == NodeType.Statement);

    /// <summary>The change-log entry written with the document; null when nothing was written (rejected, a dry run, or nothing new).</summary>
    public Changes.ChangeEntry? Change { get; init; }
}

/// <summary>A record whose name fits two or more stored records equally well.</summary>
/// <param name="Path">The record's JSON path.</param>
/// <param name="Type">Its type.</param>
/// <param name="Name">The name (or text) that was resolved.</param>
/// <param name="Rule">The rule both candidates met.</param>
/// <param name="Candidates">The stored keys that tie.</param>
public sealed record Ambiguity(string Path, NodeType Type, string Name, string Rule, IReadOnlyList<string> Candidates);

/// <summary>What to do with a record whose name fits two stored records equally.</summary>
public enum AmbiguityPolicy
{
    /// <summary>Reject the document, reporting the ambiguity as a problem (the default).</summary>
    Reject,

    /// <summary>Create the record new under its own key, reporting the ambiguity.</summary>
    CreateNew,
}

/// <summary>How a document is imported.</summary>
/// <param name="DryRun">Validate and report without writing.</param>
/// <param name="OnAmbiguity">What to do when a name fits two stored records equally.</param>
/// <param name="KeyName">Who writes, as the change log records it: the API key's name, <c>cli</c> for the import verb, <c>system</c> for the server itself.</param>
/// <param name="Operation">The operation the change log records, such as <c>importBundle</c> or <c>createPerson</c>.</param>
public sealed record ImportOptions(
    bool DryRun = false,
    AmbiguityPolicy OnAmbiguity = AmbiguityPolicy.Reject,
    string KeyName = Changes.ChangeEntry.SystemKeyName,
    string Operation = "import");
