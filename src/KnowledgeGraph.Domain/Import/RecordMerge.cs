using System.Text.Json;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Domain.Import;

/// <summary>
/// What a stored record becomes when an incoming one is merged into it, by the stores' merge
/// rules: a known value is never replaced by an unknown one, aliases and list members are
/// unioned (stored ones keep their order), evidence is one span per article. A record resolved
/// onto a stored one under another key keeps the stored name (and text), and its own name joins
/// the aliases.
/// </summary>
internal static class RecordMerge
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Whether two records hold the same values.</summary>
    public static bool Same<T>(T a, T b)
        where T : Node =>
        string.Equals(JsonSerializer.Serialize(a, Json), JsonSerializer.Serialize(b, Json), StringComparison.Ordinal);

    public static Article Merge(Article old, Article n) => old with
    {
        Title = n.Title ?? old.Title,
        Url = n.Url ?? old.Url,
        Publisher = n.Publisher ?? old.Publisher,
        Syndicator = n.Syndicator ?? old.Syndicator,
        Agencies = n.Agencies,
        PublishedAt = n.PublishedAt ?? old.PublishedAt,
        Language = n.Language ?? old.Language,
    };

    public static Place Merge(Place old, Place n, bool resolved) => old with
    {
        Name = resolved ? old.Name : n.Name,
        Kind = resolved ? old.Kind : n.Kind,
        Aliases = Aliases(old.Name, old.Aliases, n.Name, n.Aliases, resolved),
        ContainedInKey = n.ContainedInKey ?? old.ContainedInKey,
    };

    public static Organisation Merge(Organisation old, Organisation n, bool resolved) => old with
    {
        Name = resolved ? old.Name : n.Name,
        Kind = resolved ? old.Kind : n.Kind,
        Aliases = Aliases(old.Name, old.Aliases, n.Name, n.Aliases, resolved),
        Description = n.Description ?? old.Description,
        CountryKey = n.CountryKey ?? old.CountryKey,
        PartOfKey = n.PartOfKey ?? old.PartOfKey,
    };

    public static Person Merge(Person old, Person n, bool resolved)
    {
        var affiliations = old.Affiliations.ToList();
        foreach (var a in n.Affiliations)
        {
            var at = affiliations.FindIndex(x => string.Equals(x.OrganisationKey, a.OrganisationKey, StringComparison.Ordinal) && string.Equals(x.Role ?? string.Empty, a.Role ?? string.Empty, StringComparison.Ordinal));
            if (at >= 0)
            {
                affiliations[at] = affiliations[at] with { Current = a.Current ?? affiliations[at].Current };
            }
            else
            {
                affiliations.Add(a with { PersonKey = old.Key });
            }
        }

        return old with
        {
            Name = resolved ? old.Name : n.Name,
            Aliases = Aliases(old.Name, old.Aliases, n.Name, n.Aliases, resolved),
            Description = n.Description ?? old.Description,
            Affiliations = affiliations,
        };
    }

    public static Negotiation Merge(Negotiation old, Negotiation n) => old with
    {
        Name = n.Name,
        Aliases = Union(old.Aliases, n.Aliases.Where(a => !string.Equals(a, n.Name, StringComparison.Ordinal)).ToArray()),
        Status = n.Status,
        VenueKey = n.VenueKey ?? old.VenueKey,
        PartyKeys = Union(old.PartyKeys, n.PartyKeys),
        Rounds = old.Rounds.Concat(n.Rounds.Where(r => !old.Rounds.Contains(r))).Distinct().ToArray(),
    };

    public static Statement Merge(Statement old, Statement n, bool resolved)
    {
        var evidence = old.Evidence.ToList();
        foreach (var e in n.Evidence)
        {
            var at = evidence.FindIndex(x => string.Equals(x.ArticleKey, e.ArticleKey, StringComparison.Ordinal));
            if (at >= 0)
            {
                evidence[at] = e;
            }
            else
            {
                evidence.Add(e);
            }
        }

        return old with
        {
            Text = resolved ? old.Text : n.Text,
            Kind = resolved ? old.Kind : n.Kind,
            Direct = resolved ? old.Direct : n.Direct,
            Speaker = n.Speaker ?? old.Speaker,
            SaidAtKey = n.SaidAtKey ?? old.SaidAtKey,
            Date = n.Date ?? old.Date,
            AboutKeys = Union(old.AboutKeys, n.AboutKeys),
            NegotiationKey = n.NegotiationKey ?? old.NegotiationKey,
            RespondsToKey = n.RespondsToKey ?? old.RespondsToKey,
            Evidence = evidence,

            // A statement retracted stays so, with its first reason and time.
            Retraction = old.Retraction ?? n.Retraction,
        };
    }

    private static IReadOnlyList<string> Aliases(string oldName, IReadOnlyList<string> old, string newName, IReadOnlyList<string> incoming, bool resolved)
    {
        var added = resolved ? incoming.Prepend(newName) : incoming;
        return Union(old, added.Where(a => !string.Equals(a, oldName, StringComparison.Ordinal)).ToArray());
    }

    private static IReadOnlyList<string> Union(IReadOnlyList<string> old, IReadOnlyList<string> incoming) =>
        old.Concat(incoming.Where(v => !old.Contains(v, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)).ToArray();
}
