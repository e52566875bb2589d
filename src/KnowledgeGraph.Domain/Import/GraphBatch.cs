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

    /// <summary>How many records the batch holds.</summary>
    public int Count => Articles.Count + Places.Count + Organisations.Count + People.Count + Negotiations.Count + Statements.Count;
}

/// <summary>One thing wrong with a bundle, at a JSON path.</summary>
public sealed record ImportProblem(string Path, string Message)
{
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
