using System.Text.Json.Serialization;

namespace KnowledgeGraph.Domain.Import;

// The wire shape of a bundle (data/README.md). Enums and dates stay strings here so that
// the validator can say exactly which value at which path is wrong.
#pragma warning disable CA1812 // Instantiated by System.Text.Json.

internal sealed record BundleDocument(
    string? Format,
    List<ArticleDocument>? Articles,
    List<PlaceDocument>? Places,
    List<OrganisationDocument>? Organisations,
    List<PersonDocument>? People,
    List<NegotiationDocument>? Negotiations,
    List<StatementDocument>? Statements,
    List<RedirectDocument>? Redirects = null);

internal sealed record RedirectDocument(string? Type, string? Key, string? Survivor);

internal sealed record RetractionDocument(string? Reason, string? At);

internal sealed record ArticleDocument(
    string? Key,
    string? TextFile,
    string? Text,
    string? Title,
    string? Url,
    string? Publisher,
    string? Syndicator,
    List<string>? Agencies,
    string? PublishedAt,
    string? Language);

internal sealed record PlaceDocument(string? Key, string? Name, string? Kind, List<string>? Aliases, string? ContainedIn);

internal sealed record OrganisationDocument(
    string? Key,
    string? Name,
    string? Kind,
    List<string>? Aliases,
    string? Description,
    string? Country,
    string? PartOf);

internal sealed record PersonDocument(
    string? Key,
    string? Name,
    List<string>? Aliases,
    string? Description,
    List<AffiliationDocument>? Affiliations);

internal sealed record AffiliationDocument(string? Organisation, string? Role, bool? Current);

internal sealed record NegotiationDocument(
    string? Key,
    string? Name,
    string? Status,
    string? Venue,
    List<string>? Parties,
    List<RoundDocument>? Rounds,
    List<string>? Aliases = null);

internal sealed record RoundDocument(int? Number, string? Date, string? Venue);

internal sealed record StatementDocument(
    string? Key,
    string? Text,
    string? Kind,
    bool? Direct,
    SpeakerDocument? Speaker,
    string? SaidAt,
    string? Date,
    List<string>? About,
    string? Negotiation,
    string? RespondsTo,
    List<EvidenceDocument>? Evidence,
    RetractionDocument? Retraction = null);

internal sealed record SpeakerDocument(string? Person, string? Organisation);

internal sealed record EvidenceDocument(string? Article, int? Start, int? End, string? Text);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(BundleDocument))]
internal sealed partial class BundleJsonContext : JsonSerializerContext;
#pragma warning restore CA1812
