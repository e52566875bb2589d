namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>Settings of the Neo4j store (section <c>Neo4j</c>), reached through its HTTP Query API.</summary>
public sealed class Neo4jStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Neo4j";

    /// <summary>The server's HTTP address (the Query API needs Neo4j 5.25 or later).</summary>
    public Uri Uri { get; set; } = new("http://localhost:7474");

    /// <summary>The database every statement runs in.</summary>
    public string Database { get; set; } = "neo4j";

    /// <summary>The user for basic authentication.</summary>
    public string User { get; set; } = "neo4j";

    /// <summary>The password for basic authentication; with neither it nor a bearer token, requests carry no credentials.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// A bearer token (for example from an SSO provider), sent as <c>Authorization: Bearer …</c>
    /// exactly as given; when set it replaces basic authentication.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>How long one request may take before the store reports a timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The total time spent retrying a statement after transient failures (connection refused or
    /// reset, HTTP 5xx, 408, 429, Neo4j transient errors) before the store reports it unavailable.
    /// Zero disables retries.
    /// </summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry; it doubles after each further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Says what is wrong with these settings, or nothing when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (Uri is null || !Uri.IsAbsoluteUri || (Uri.Scheme != System.Uri.UriSchemeHttp && Uri.Scheme != System.Uri.UriSchemeHttps))
        {
            yield return "Neo4j:Uri must be an absolute http or https address, such as http://localhost:7474.";
        }

        if (string.IsNullOrWhiteSpace(Database))
        {
            yield return "Neo4j:Database must name a database, such as neo4j.";
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            yield return "Neo4j:RequestTimeout must be positive.";
        }

        if (RetryBudget < TimeSpan.Zero)
        {
            yield return "Neo4j:RetryBudget must not be negative.";
        }

        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            yield return "Neo4j:RetryDelay must be positive and at most Neo4j:MaxRetryDelay.";
        }
    }
}
