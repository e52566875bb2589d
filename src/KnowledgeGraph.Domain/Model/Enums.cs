namespace KnowledgeGraph.Domain.Model;

/// <summary>What kind of place a place is.</summary>
public enum PlaceKind
{
    /// <summary>A sovereign state.</summary>
    Country,
    /// <summary>A first-level division of a country, such as an oblast or a province.</summary>
    Region,
    /// <summary>A division of a region.</summary>
    District,
    /// <summary>An urban settlement with city status.</summary>
    City,
    /// <summary>An urban settlement smaller than a city.</summary>
    Town,
    /// <summary>A rural settlement, the smallest kind of place.</summary>
    Village,
    /// <summary>A place that fits none of the other kinds.</summary>
    Other,
}

/// <summary>What kind of body an organisation is.</summary>
public enum OrganisationKind
{
    /// <summary>A national government, the actor when a country acts.</summary>
    Government,
    /// <summary>A ministry or department of a government.</summary>
    Ministry,
    /// <summary>Armed forces or a military command.</summary>
    Military,
    /// <summary>An intelligence or security service.</summary>
    IntelligenceAgency,
    /// <summary>A council, such as a security council.</summary>
    Council,
    /// <summary>A body of several states, such as the EU.</summary>
    Intergovernmental,
    /// <summary>A news outlet that publishes articles.</summary>
    Media,
    /// <summary>A wire agency whose copy other outlets carry, such as AFP.</summary>
    NewsAgency,
    /// <summary>An organisation that fits none of the other kinds.</summary>
    Other,
}

/// <summary>The speech act a statement performs.</summary>
public enum StatementKind
{
    /// <summary>Asserts something as fact.</summary>
    Claim,
    /// <summary>Says a claim is false.</summary>
    Denial,
    /// <summary>Requires something of another party.</summary>
    Demand,
    /// <summary>Refuses a demand, a call or a claim.</summary>
    Rejection,
    /// <summary>Judges or evaluates a situation.</summary>
    Assessment,
    /// <summary>Makes a decision or plan known.</summary>
    Announcement,
    /// <summary>Relays what happened.</summary>
    Report,
    /// <summary>Cautions about a consequence.</summary>
    Warning,
    /// <summary>States an intention to harm.</summary>
    Threat,
    /// <summary>Affirms that something reported is so.</summary>
    Confirmation,
    /// <summary>Charges another party with wrongdoing.</summary>
    Accusation,
    /// <summary>Admits or recognises something.</summary>
    Acknowledgement,
    /// <summary>Records an agreement reached by parties.</summary>
    Agreement,
    /// <summary>Calls for something to happen.</summary>
    Appeal,
}

/// <summary>Where a negotiation stands.</summary>
public enum NegotiationStatus
{
    /// <summary>Announced but not begun.</summary>
    Planned,
    /// <summary>Under way and moving.</summary>
    Ongoing,
    /// <summary>Under way but making little progress.</summary>
    Stalled,
    /// <summary>Ended with an outcome.</summary>
    Concluded,
    /// <summary>Ended without an outcome.</summary>
    Collapsed,
}

/// <summary>Which kind of record a speaker is.</summary>
public enum SpeakerType
{
    /// <summary>The speaker's key is a person's key.</summary>
    Person,
    /// <summary>The speaker's key is an organisation's key.</summary>
    Organisation,
}
