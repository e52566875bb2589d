namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// The costly parts of records that a read fills: each is a list or a long text that a store
/// reads apart from the record's own columns (a subquery, a pattern comprehension, an article
/// body). A read asked for fewer parts leaves the others empty (an empty list, an empty text),
/// so a caller asks for fewer only when it will not look at them: the API asks for what the
/// GraphQL selection reads, every other caller for <see cref="All"/>.
/// </summary>
[Flags]
public enum RecordParts
{
    /// <summary>Only the records' own fields and the keys of what they point at.</summary>
    None = 0,

    /// <summary><see cref="Model.Statement.AboutKeys"/>.</summary>
    StatementAbout = 1 << 0,

    /// <summary><see cref="Model.Statement.Evidence"/>.</summary>
    StatementEvidence = 1 << 1,

    /// <summary><see cref="Model.Article.Text"/>.</summary>
    ArticleText = 1 << 2,

    /// <summary><see cref="Model.Person.Affiliations"/>.</summary>
    PersonAffiliations = 1 << 3,

    /// <summary><see cref="Model.Negotiation.PartyKeys"/> and <see cref="Model.Negotiation.Rounds"/>.</summary>
    NegotiationParties = 1 << 4,

    /// <summary>
    /// The other names of people, organisations, places and negotiations, and an article's
    /// agencies: short lists, but a string each, for every record read.
    /// </summary>
    Aliases = 1 << 5,

    /// <summary>Every part: whole records.</summary>
    All = StatementAbout | StatementEvidence | ArticleText | PersonAffiliations | NegotiationParties | Aliases,
}
