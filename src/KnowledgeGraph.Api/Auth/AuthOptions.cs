namespace KnowledgeGraph.Api.Auth;

/// <summary>API keys (<c>Auth:ApiKeys:{name}</c>, so <c>KG_AUTH__APIKEYS__EDITOR=…</c>) and whether reads need one.</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>One key per named client; the name is what writes are recorded under.</summary>
    public Dictionary<string, string> ApiKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether queries need a key too (mutations always do).</summary>
    public bool RequireKeyForReads { get; set; }
}
