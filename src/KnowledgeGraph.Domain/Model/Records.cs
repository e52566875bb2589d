using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Domain.Model;

/// <summary>A record with a global identity.</summary>
public abstract record Node(string Key)
{
    /// <summary>The node type, the prefix of the global id.</summary>
    public abstract NodeType Type { get; }

    /// <summary>The node's identity.</summary>
    public NodeId Id => new(Type, Key);
}

/// <summary>A person who speaks or is affiliated with organisations.</summary>
public sealed record Person(
    string Key,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Description,
    IReadOnlyList<Affiliation> Affiliations) : Node(Key)
{
    /// <inheritdoc />
    public override NodeType Type => NodeType.Person;
}

/// <summary>A person's role in an organisation.</summary>
public sealed record Affiliation(string PersonKey, string OrganisationKey, string? Role, bool? Current);

/// <summary>A government, ministry, military unit, agency, outlet or other body.</summary>
public sealed record Organisation(
    string Key,
    string Name,
    OrganisationKind Kind,
    IReadOnlyList<string> Aliases,
    string? Description,
    string? CountryKey,
    string? PartOfKey) : Node(Key)
{
    /// <inheritdoc />
    public override NodeType Type => NodeType.Organisation;
}

/// <summary>A place: a country, a region, a town; each inside at most one other place.</summary>
public sealed record Place(
    string Key,
    string Name,
    PlaceKind Kind,
    IReadOnlyList<string> Aliases,
    string? ContainedInKey) : Node(Key)
{
    /// <inheritdoc />
    public override NodeType Type => NodeType.Place;
}

/// <summary>Who made a statement: a person or an organisation.</summary>
public readonly record struct SpeakerRef(SpeakerType Type, string Key);

/// <summary>The exact span of an article that a statement rests on.</summary>
/// <param name="ArticleKey">The article.</param>
/// <param name="Start">Inclusive UTF-16 offset into the article text.</param>
/// <param name="End">Exclusive UTF-16 offset into the article text.</param>
/// <param name="Text">The article text at <c>[Start, End)</c>.</param>
public sealed record Evidence(string ArticleKey, int Start, int End, string Text);

/// <summary>Something said: a claim, a demand, a denial, with its provenance.</summary>
public sealed record Statement(
    string Key,
    string Text,
    StatementKind Kind,
    bool Direct,
    SpeakerRef? Speaker,
    string? SaidAtKey,
    DateOnly? Date,
    IReadOnlyList<string> AboutKeys,
    string? NegotiationKey,
    string? RespondsToKey,
    IReadOnlyList<Evidence> Evidence) : Node(Key)
{
    /// <inheritdoc />
    public override NodeType Type => NodeType.Statement;

    /// <summary>Set when the statement was retracted: it is then kept, but left out of lists by default.</summary>
    public Retraction? Retraction { get; init; }
}

/// <summary>One round of a negotiation.</summary>
public sealed record NegotiationRound(int? Number, DateOnly? Date, string? VenueKey);

/// <summary>Talks between parties, held in rounds.</summary>
public sealed record Negotiation(
    string Key,
    string Name,
    NegotiationStatus Status,
    string? VenueKey,
    IReadOnlyList<string> PartyKeys,
    IReadOnlyList<NegotiationRound> Rounds) : Node(Key)
{
    /// <inheritdoc />
    public override NodeType Type => NodeType.Negotiation;

    /// <summary>Other names of the talks, such as the name of talks merged into these.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>A news article: the source every statement is traced back to.</summary>
public sealed record Article(
    string Key,
    string? Title,
    string? Url,
    string? Publisher,
    string? Syndicator,
    IReadOnlyList<string> Agencies,
    DateTimeOffset? PublishedAt,
    string? Language,
    string Text) : Node(Key)
{
    /// <inheritdoc />
    public override NodeType Type => NodeType.Article;
}
