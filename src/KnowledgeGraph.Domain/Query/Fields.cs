namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// The scalar fields a filter or sort may name, per record type. Every adapter maps each of
/// them; an unmapped name is a programming error, not a client error.
/// </summary>
public static class Fields
{
    /// <summary>The record key (every node type).</summary>
    public const string Key = "key";

    /// <summary>Person, Organisation, Place, Negotiation.</summary>
    public const string Name = "name";

    /// <summary>Person, Organisation.</summary>
    public const string Description = "description";

    /// <summary>Organisation, Place, Statement: the kind enum.</summary>
    public const string Kind = "kind";

    /// <summary>Statement.</summary>
    public const string Text = "text";

    /// <summary>Statement: whether it is a verbatim quote.</summary>
    public const string Direct = "direct";

    /// <summary>Statement: the date it was made.</summary>
    public const string Date = "date";

    /// <summary>Statement: whether it was retracted.</summary>
    public const string Retracted = "retracted";

    /// <summary>Negotiation.</summary>
    public const string Status = "status";

    /// <summary>Article.</summary>
    public const string Title = "title";

    /// <summary>Article.</summary>
    public const string Url = "url";

    /// <summary>Article.</summary>
    public const string Publisher = "publisher";

    /// <summary>Article.</summary>
    public const string PublishedAt = "publishedAt";

    /// <summary>Affiliation.</summary>
    public const string Role = "role";

    /// <summary>Affiliation.</summary>
    public const string Current = "current";
}

/// <summary>The relations a <see cref="Related"/> filter may follow, per record type.</summary>
public static class FilterRelations
{
    /// <summary>Statement → Person (to-one).</summary>
    public const string SpeakerPerson = "speakerPerson";

    /// <summary>Statement → Organisation (to-one).</summary>
    public const string SpeakerOrganisation = "speakerOrganisation";

    /// <summary>Statement → Place (to-one).</summary>
    public const string SaidAt = "saidAt";

    /// <summary>Statement → Place (to-many).</summary>
    public const string About = "about";

    /// <summary>Statement → Negotiation (to-one).</summary>
    public const string Negotiation = "negotiation";

    /// <summary>Statement → Statement (to-one).</summary>
    public const string RespondsTo = "respondsTo";

    /// <summary>Statement → Article through its evidence (to-many).</summary>
    public const string EvidenceArticle = "evidenceArticle";

    /// <summary>Person → Affiliation (to-many).</summary>
    public const string Affiliations = "affiliations";

    /// <summary>Affiliation → Organisation (to-one).</summary>
    public const string Organisation = "organisation";

    /// <summary>Affiliation → Person (to-one).</summary>
    public const string Person = "person";

    /// <summary>Organisation → Place (to-one).</summary>
    public const string Country = "country";

    /// <summary>Organisation → Organisation (to-one).</summary>
    public const string PartOf = "partOf";

    /// <summary>Place → Place (to-one).</summary>
    public const string ContainedIn = "containedIn";

    /// <summary>Negotiation → Place (to-one).</summary>
    public const string Venue = "venue";

    /// <summary>Negotiation → Organisation (to-many).</summary>
    public const string Parties = "parties";
}
