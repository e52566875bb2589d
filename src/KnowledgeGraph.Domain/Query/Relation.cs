using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// A to-many relationship that can be expanded for many parents at once, each parent
/// getting its own window. <typeparamref name="T"/> is the type of the related records.
/// </summary>
public sealed class Relation<T>
    where T : class
{
    private Relation(string name) => Name = name;

    /// <summary>A stable name, used by adapters and in diagnostics.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static Relation<T> Create(string name) => new(name);
}

/// <summary>Every expandable relationship of the graph.</summary>
public static class Relations
{
    /// <summary>Person → statements they made.</summary>
    public static readonly Relation<Statement> PersonStatements = Relation<Statement>.Create("Person.statements");

    /// <summary>Organisation → statements it made.</summary>
    public static readonly Relation<Statement> OrganisationStatements = Relation<Statement>.Create("Organisation.statements");

    /// <summary>Organisation → affiliations of its members.</summary>
    public static readonly Relation<Affiliation> OrganisationMembers = Relation<Affiliation>.Create("Organisation.members");

    /// <summary>Place → places directly inside it.</summary>
    public static readonly Relation<Place> PlaceContains = Relation<Place>.Create("Place.contains");

    /// <summary>Place → statements about it.</summary>
    public static readonly Relation<Statement> PlaceStatementsAbout = Relation<Statement>.Create("Place.statementsAbout");

    /// <summary>Place → statements about it or about any place inside it, at any depth.</summary>
    public static readonly Relation<Statement> PlaceStatementsAboutWithin = Relation<Statement>.Create("Place.statementsAboutWithin");

    /// <summary>Statement → statements that respond to it.</summary>
    public static readonly Relation<Statement> StatementResponses = Relation<Statement>.Create("Statement.responses");

    /// <summary>Negotiation → statements made in it.</summary>
    public static readonly Relation<Statement> NegotiationStatements = Relation<Statement>.Create("Negotiation.statements");

    /// <summary>Article → statements it gives evidence for.</summary>
    public static readonly Relation<Statement> ArticleStatements = Relation<Statement>.Create("Article.statements");
}
