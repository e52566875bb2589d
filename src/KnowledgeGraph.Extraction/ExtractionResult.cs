using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Extraction.Bundles;

namespace KnowledgeGraph.Extraction;

/// <summary>Who a proposed statement is attributed to: an existing record, or one proposed in the draft.</summary>
/// <param name="Type">Person or organisation.</param>
/// <param name="Key">The record's key (in the graph, or of the record proposed in the draft).</param>
/// <param name="Name">The record's name.</param>
/// <param name="IsNew">True when the record is proposed by the draft, false when it is already known.</param>
/// <param name="Rule">The rule that attributed the statement (<c>speaker.subject</c>, <c>speaker.pronoun</c> …) and how the record was found.</param>
public sealed record ProposedSpeaker(SpeakerType Type, string Key, string Name, bool IsNew, string Rule);

/// <summary>One statement the extractor proposes, with everything that decided it.</summary>
/// <param name="Key">The statement's key in the draft.</param>
/// <param name="Start">Inclusive UTF-16 offset of its evidence span.</param>
/// <param name="End">Exclusive UTF-16 offset of its evidence span.</param>
/// <param name="SpanText">The article text at <c>[Start, End)</c>, always.</param>
/// <param name="Text">What was said: the quote's words when direct, the reported clause otherwise.</param>
/// <param name="Kind">The speech act.</param>
/// <param name="Direct">A verbatim quote (true) or reported speech (false).</param>
/// <param name="Speaker">Who said it; null for an unnamed source or an agreement of parties.</param>
/// <param name="About">Place keys, most specific first.</param>
/// <param name="SaidAt">Where it was said, when the text says so.</param>
/// <param name="Date">When it was said, when the text says so.</param>
/// <param name="Negotiation">The negotiation it belongs to.</param>
/// <param name="RespondsTo">The key of the statement it answers.</param>
/// <param name="Rule">The rule that found the statement.</param>
/// <param name="Confidence">How sure the rule is, from 0 to 1.</param>
/// <param name="Reasons">Every rule that decided something about it, in order.</param>
public sealed record ProposedStatement(
    string Key,
    int Start,
    int End,
    string SpanText,
    string Text,
    StatementKind Kind,
    bool Direct,
    ProposedSpeaker? Speaker,
    IReadOnlyList<string> About,
    string? SaidAt,
    DateOnly? Date,
    string? Negotiation,
    string? RespondsTo,
    string Rule,
    double Confidence,
    IReadOnlyList<string> Reasons);

/// <summary>What an extraction proposes: the statements and the draft bundle that would import them.</summary>
/// <param name="Statements">The proposed statements in text order.</param>
/// <param name="Draft">The draft in the import format: the article, the new records, the statements.</param>
/// <param name="Decisions">Decisions that produced no statement (a quote left unattributed, an ambiguous place …), each naming its rule.</param>
public sealed record ExtractionResult(
    IReadOnlyList<ProposedStatement> Statements,
    DraftBundle Draft,
    IReadOnlyList<string> Decisions);

/// <summary>
/// Reads an article and proposes statements. The rule-based <see cref="RuleBasedExtractor"/> is the
/// one shipped; a model-based reader would implement this too and be evaluated the same way.
/// </summary>
public interface IStatementExtractor
{
    /// <summary>Proposes the statements of <paramref name="article"/>, resolved onto <paramref name="known"/>, with places from <paramref name="gazetteer"/>.</summary>
    ExtractionResult Extract(ArticleInput article, KnownEntities known, Gazetteer gazetteer);
}

/// <summary>The public entry point: deterministic, rule-based extraction.</summary>
public static class ArticleExtractor
{
    private static readonly RuleBasedExtractor Default = new();

    /// <summary>Proposes the statements of <paramref name="article"/> with the default rules and the import's resolver.</summary>
    public static ExtractionResult Extract(ArticleInput article, KnownEntities known, Gazetteer gazetteer) =>
        Default.Extract(article, known, gazetteer);
}

/// <summary>The rule-based extractor: every decision names its rule; the same input gives the same output.</summary>
public sealed class RuleBasedExtractor : IStatementExtractor
{
    private readonly Func<KnownEntities, IEntityResolver> _resolverFor;

    /// <summary>Creates the extractor; <paramref name="resolverFor"/> plugs in another resolver (the default is the import's own, <see cref="GraphEntityResolver"/>).</summary>
    public RuleBasedExtractor(Func<KnownEntities, IEntityResolver>? resolverFor = null) =>
        _resolverFor = resolverFor ?? (k => new GraphEntityResolver(k));

    /// <inheritdoc />
    public ExtractionResult Extract(ArticleInput article, KnownEntities known, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(gazetteer);
        return new Rules.ArticleReader(article, known, _resolverFor(known), gazetteer).Read();
    }
}
