using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeGraph.Extraction.Bundles;

// The import format knowledge-graph/v1 (data/README.md) as public, typed records, so that a draft
// can be printed for review and a hand-made bundle read for evaluation without touching the
// importer's internal wire types.

/// <summary>A bundle in the import format: an article and the records and statements it supports.</summary>
public sealed record DraftBundle
{
    /// <summary>The format of a bundle whose article text lies in a file beside it.</summary>
    public const string FormatName = "knowledge-graph/v1";

    /// <summary>The format of a bundle that carries its article text inline.</summary>
    public const string FormatV2Name = "knowledge-graph/v2";

    /// <summary><see cref="FormatName"/>, or <see cref="FormatV2Name"/> when an article carries its text inline.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>The articles.</summary>
    public IReadOnlyList<DraftArticle> Articles { get; init; } = [];

    /// <summary>Places: the known ones the draft refers to are not repeated; new ones are proposed here.</summary>
    public IReadOnlyList<DraftPlace> Places { get; init; } = [];

    /// <summary>Organisations proposed (or defined, in a hand-made bundle).</summary>
    public IReadOnlyList<DraftOrganisation> Organisations { get; init; } = [];

    /// <summary>People proposed (or defined).</summary>
    public IReadOnlyList<DraftPerson> People { get; init; } = [];

    /// <summary>Negotiations proposed (or defined).</summary>
    public IReadOnlyList<DraftNegotiation> Negotiations { get; init; } = [];

    /// <summary>The statements.</summary>
    public IReadOnlyList<DraftStatement> Statements { get; init; } = [];
}

/// <summary>An article record.</summary>
public sealed record DraftArticle
{
    /// <summary>Its key.</summary>
    public required string Key { get; init; }

    /// <summary>The text file beside the bundle.</summary>
    public string? TextFile { get; init; }

    /// <summary>The article text inline (format v2), when it is not in a file.</summary>
    public string? Text { get; init; }

    /// <summary>The headline.</summary>
    public string? Title { get; init; }

    /// <summary>Where it was published.</summary>
    public string? Url { get; init; }

    /// <summary>The outlet that wrote it.</summary>
    public string? Publisher { get; init; }

    /// <summary>The outlet that carried it.</summary>
    public string? Syndicator { get; init; }

    /// <summary>Wire agencies credited.</summary>
    public IReadOnlyList<string> Agencies { get; init; } = [];

    /// <summary>ISO 8601 date-time with offset.</summary>
    public string? PublishedAt { get; init; }

    /// <summary>BCP 47 language tag.</summary>
    public string? Language { get; init; }
}

/// <summary>A place record.</summary>
public sealed record DraftPlace
{
    /// <summary>Its key.</summary>
    public required string Key { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>A PlaceKind name (<c>COUNTRY</c>, <c>REGION</c>, <c>CITY</c> …).</summary>
    public required string Kind { get; init; }

    /// <summary>Other names.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The key of the place it lies in.</summary>
    public string? ContainedIn { get; init; }
}

/// <summary>An organisation record.</summary>
public sealed record DraftOrganisation
{
    /// <summary>Its key.</summary>
    public required string Key { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>An OrganisationKind name.</summary>
    public required string Kind { get; init; }

    /// <summary>Other names.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>A description.</summary>
    public string? Description { get; init; }

    /// <summary>The key of its country (a place).</summary>
    public string? Country { get; init; }

    /// <summary>The key of the organisation it is part of.</summary>
    public string? PartOf { get; init; }
}

/// <summary>A person record.</summary>
public sealed record DraftPerson
{
    /// <summary>Its key.</summary>
    public required string Key { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>Other names (with title, surname alone …).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>A description.</summary>
    public string? Description { get; init; }

    /// <summary>Roles in organisations.</summary>
    public IReadOnlyList<DraftAffiliation> Affiliations { get; init; } = [];
}

/// <summary>A person's role in an organisation.</summary>
public sealed record DraftAffiliation
{
    /// <summary>The organisation's key.</summary>
    public required string Organisation { get; init; }

    /// <summary>The role.</summary>
    public string? Role { get; init; }

    /// <summary>Whether the role is held now.</summary>
    public bool? Current { get; init; }
}

/// <summary>A negotiation record.</summary>
public sealed record DraftNegotiation
{
    /// <summary>Its key.</summary>
    public required string Key { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>A NegotiationStatus name.</summary>
    public required string Status { get; init; }

    /// <summary>The venue's place key.</summary>
    public string? Venue { get; init; }

    /// <summary>The parties' organisation keys.</summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary>The rounds.</summary>
    public IReadOnlyList<DraftRound> Rounds { get; init; } = [];
}

/// <summary>A round of a negotiation.</summary>
public sealed record DraftRound
{
    /// <summary>Its number, when known.</summary>
    public int? Number { get; init; }

    /// <summary>Its date (<c>YYYY-MM-DD</c>).</summary>
    public string? Date { get; init; }

    /// <summary>Its venue's place key.</summary>
    public string? Venue { get; init; }
}

/// <summary>A statement record.</summary>
public sealed record DraftStatement
{
    /// <summary>Its key.</summary>
    public required string Key { get; init; }

    /// <summary>What was said.</summary>
    public required string Text { get; init; }

    /// <summary>A StatementKind name.</summary>
    public required string Kind { get; init; }

    /// <summary>A verbatim quote (true) or reported speech (false).</summary>
    public bool Direct { get; init; }

    /// <summary>Who said it; null when unnamed.</summary>
    public DraftSpeaker? Speaker { get; init; }

    /// <summary>Where it was said (a place key).</summary>
    public string? SaidAt { get; init; }

    /// <summary>When it was said (<c>YYYY-MM-DD</c>).</summary>
    public string? Date { get; init; }

    /// <summary>The places it is about, most specific first.</summary>
    public IReadOnlyList<string> About { get; init; } = [];

    /// <summary>The negotiation it was made in.</summary>
    public string? Negotiation { get; init; }

    /// <summary>The statement it answers.</summary>
    public string? RespondsTo { get; init; }

    /// <summary>Where it is written down.</summary>
    public IReadOnlyList<DraftEvidence> Evidence { get; init; } = [];
}

/// <summary>A speaker reference: exactly one of the two keys.</summary>
public sealed record DraftSpeaker
{
    /// <summary>A person's key.</summary>
    public string? Person { get; init; }

    /// <summary>An organisation's key.</summary>
    public string? Organisation { get; init; }
}

/// <summary>An evidence span.</summary>
public sealed record DraftEvidence
{
    /// <summary>The article's key.</summary>
    public required string Article { get; init; }

    /// <summary>Inclusive UTF-16 offset.</summary>
    public int Start { get; init; }

    /// <summary>Exclusive UTF-16 offset.</summary>
    public int End { get; init; }

    /// <summary>The article text at <c>[Start, End)</c>.</summary>
    public required string Text { get; init; }
}

/// <summary>Reads and writes bundles as JSON (camelCase, nulls written, as in <c>data/</c>).</summary>
public static class DraftBundleJson
{
    // Quotation marks and apostrophes stay readable: JSON escapes only what it must.
    private static readonly DraftBundleJsonContext Indented = new(new JsonSerializerOptions(DraftBundleJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private static readonly DraftBundleJsonContext Compact = new(new JsonSerializerOptions(Indented.Options) { WriteIndented = false });

    /// <summary>The bundle as indented JSON.</summary>
    public static string Write(DraftBundle bundle) =>
        JsonSerializer.Serialize(bundle, Indented.DraftBundle);

    /// <summary>The bundle as JSON on one line, for NDJSON (one bundle a line).</summary>
    public static string WriteLine(DraftBundle bundle) =>
        JsonSerializer.Serialize(bundle, Compact.DraftBundle);

    /// <summary>Reads a bundle; throws <see cref="JsonException"/> with the position when it is not one.</summary>
    public static DraftBundle Read(string json) =>
        JsonSerializer.Deserialize(json, DraftBundleJsonContext.Default.DraftBundle)
        ?? throw new JsonException("The document is null, not a bundle.");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(DraftBundle))]
internal sealed partial class DraftBundleJsonContext : JsonSerializerContext;
