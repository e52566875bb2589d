namespace KnowledgeGraph.Domain.Model;

/// <summary>What kind of place a place is.</summary>
public enum PlaceKind
{
    Country,
    Region,
    District,
    City,
    Town,
    Village,
    Other,
}

/// <summary>What kind of body an organisation is.</summary>
public enum OrganisationKind
{
    Government,
    Ministry,
    Military,
    IntelligenceAgency,
    Council,
    Intergovernmental,
    Media,
    NewsAgency,
    Other,
}

/// <summary>The speech act a statement performs.</summary>
public enum StatementKind
{
    Claim,
    Denial,
    Demand,
    Rejection,
    Assessment,
    Announcement,
    Report,
    Warning,
    Threat,
    Confirmation,
    Accusation,
    Acknowledgement,
    Agreement,
    Appeal,
}

/// <summary>Where a negotiation stands.</summary>
public enum NegotiationStatus
{
    Planned,
    Ongoing,
    Stalled,
    Concluded,
    Collapsed,
}

/// <summary>Which kind of record a speaker is.</summary>
public enum SpeakerType
{
    Person,
    Organisation,
}
