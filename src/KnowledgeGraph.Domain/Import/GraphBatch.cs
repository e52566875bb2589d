using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Domain.Import;

/// <summary>A validated set of records to merge into a store, in dependency order.</summary>
public sealed record GraphBatch(
    IReadOnlyList<Article> Articles,
    IReadOnlyList<Place> Places,
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<Person> People,
    IReadOnlyList<Negotiation> Negotiations,
    IReadOnlyList<Statement> Statements)
{
    /// <summary>
    /// The change-log entry that records this write; the store writes it in the same
    /// transaction as the records. Null only for writes made outside the one write path
    /// (tests, benchmarks loading a corpus).
    /// </summary>
    public Changes.ChangeEntry? Change { get; init; }

    /// <summary>Keys merged into other records (mergeNodes), each naming its survivor from then on.</summary>
    public IReadOnlyList<Redirect> Redirects { get; init; } = [];

    /// <summary>How many records the batch holds.</summary>
    public int Count => Articles.Count + Places.Count + Organisations.Count + People.Count + Negotiations.Count + Statements.Count;
}

/// <summary>A key merged into another record of its type: it names <paramref name="Survivor"/> from then on.</summary>
/// <param name="Type">The records' type (not an article).</param>
/// <param name="Key">The merged key, which no record of the type has.</param>
/// <param name="Survivor">The key of the record it was merged into.</param>
public sealed record Redirect(NodeType Type, string Key, string Survivor)
{
    /// <summary>The merged key's id.</summary>
    public NodeId Id => new(Type, Key);
}

/// <summary>One thing wrong with a bundle, at a JSON path.</summary>
public sealed record ImportProblem(string Path, string Message)
{
    /// <summary>For a containment cycle, the keys of the places in it, in order from the place at <see cref="Path"/>; null for any other problem.</summary>
    public IReadOnlyList<string>? Cycle { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>A bundle was rejected; nothing of it was written.</summary>
public sealed class ImportException : Exception
{
    /// <summary>Creates the exception for the problems found.</summary>
    public ImportException(string source, IReadOnlyList<ImportProblem> problems)
        : base($"{source} was rejected with {problems.Count} problem(s):{Environment.NewLine}"
            + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    /// <summary>Creates an exception with a single message.</summary>
    public ImportException()
        : this("bundle", [])
    {
    }

    /// <summary>Creates an exception with a single message.</summary>
    public ImportException(string message)
        : this(message, [])
    {
    }

    /// <summary>Creates an exception with a single message.</summary>
    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }
}
