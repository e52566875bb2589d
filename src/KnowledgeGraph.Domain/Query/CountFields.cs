namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// Sort keys that count a record's relationships, computed by the store. They sort; they do not
/// filter. The record key breaks ties, as for every sort.
/// </summary>
public static class CountFields
{
    /// <summary>Person, Organisation: statements made; Negotiation: statements made in it; Article: statements it gives evidence for.</summary>
    public const string Statements = "statementsCount";

    /// <summary>Place: statements about it or about any place inside it, at any depth (each statement once).</summary>
    public const string StatementsAbout = "statementsAboutCount";

    /// <summary>Organisation: affiliations of its members.</summary>
    public const string Members = "membersCount";

    /// <summary>Negotiation: its rounds of talks.</summary>
    public const string Rounds = "roundsCount";
}
