using System.Globalization;

namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// The case folding of the case-insensitive string filters, the same on every store: each
/// character lower-cased by the Unicode mapping (not only A–Z), with the two places where
/// .NET and Java (Neo4j's <c>toLower</c>) lower-case differently made to agree: a capital I
/// with dot (U+0130) becomes <c>i</c> + combining dot (U+0069 U+0307), as Java's unconditional
/// mapping has it, and every sigma folds to σ (Java writes ς at a word's end). No other
/// normalisation: <c>é</c> and <c>e</c> + U+0301 stay different, as they do for the exact operations.
/// </summary>
public static class CaseFolding
{
    /// <summary>The folded form of <paramref name="text"/>.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dotted = text.Contains('\u0130', StringComparison.Ordinal) ? text.Replace("\u0130", "i\u0307", StringComparison.Ordinal) : text;
        return dotted.ToLower(CultureInfo.InvariantCulture).Replace('\u03c2', '\u03c3');
    }
}
