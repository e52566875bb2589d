namespace KnowledgeGraph.Domain.Resolution;

/// <summary>What kind of entity a name belongs to; names are only ever compared within one kind.</summary>
public enum EntityKind
{
    /// <summary>A person: honorifics and ranks are ignored, a surname alone may match.</summary>
    Person,

    /// <summary>An organisation: designations ("Russia's defence ministry") are compared as sets of words.</summary>
    Organisation,

    /// <summary>A place.</summary>
    Place,
}

/// <summary>A known entity a name may resolve to: its key, its name and its aliases.</summary>
/// <param name="Key">The entity's key; returned when the entity is chosen.</param>
/// <param name="Name">Its name.</param>
/// <param name="Aliases">Other names it is known by.</param>
public sealed record EntityCandidate(string Key, string Name, IReadOnlyList<string> Aliases);

/// <summary>A statement as the resolver sees it: who said it and what.</summary>
/// <param name="Key">The statement's key (for an incoming statement, any placeholder).</param>
/// <param name="Speaker">The speaker's id (such as <c>Person:dmitry-medvedev</c>), or null when unnamed.</param>
/// <param name="Text">What was said.</param>
public sealed record StatementCandidate(string Key, string? Speaker, string Text);

/// <summary>How a resolution ended.</summary>
public enum ResolutionOutcome
{
    /// <summary>One candidate fits better than every other.</summary>
    Matched,

    /// <summary>No candidate fits.</summary>
    NoMatch,

    /// <summary>Two or more candidates fit equally well; nothing was chosen.</summary>
    Ambiguous,
}

/// <summary>The resolver's decision, with the rule that made it and its score.</summary>
/// <param name="Outcome">Matched, no match or ambiguous.</param>
/// <param name="Key">The chosen candidate's key when matched.</param>
/// <param name="Rule">The rule that decided (see <see cref="ResolutionRules"/>); null for no match.</param>
/// <param name="Score">How strong the rule is, from 0 to 1; 0 for no match.</param>
/// <param name="Tied">When ambiguous, the keys that fit equally well, in ordinal order.</param>
public sealed record Resolution(ResolutionOutcome Outcome, string? Key, string? Rule, double Score, IReadOnlyList<string> Tied)
{
    /// <summary>No candidate fits.</summary>
    public static Resolution None { get; } = new(ResolutionOutcome.NoMatch, null, null, 0, []);
}

/// <summary>The names of the rules a <see cref="Resolution"/> can carry, strongest first.</summary>
public static class ResolutionRules
{
    /// <summary>The names are equal once case, diacritics, punctuation and spacing are ignored (score 1).</summary>
    public const string SameName = "same-name";

    /// <summary>A name or alias of one equals a name or alias of the other, normalised (0.95).</summary>
    public const string Alias = "alias";

    /// <summary>Equal once honorifics and ranks ("Lt. Col.", "President") are removed (0.9).</summary>
    public const string Honorific = "honorific";

    /// <summary>Equal once transliteration variants (Kiev/Kyiv, Zelensky/Zelenskyy) are folded (0.85).</summary>
    public const string Transliteration = "transliteration";

    /// <summary>An organisation designated by the same words in another order or form
    /// ("Russia's defence ministry" / "Russian Ministry of Defense") (0.8).</summary>
    public const string Designation = "designation";

    /// <summary>A single word equal to a person's surname (0.6).</summary>
    public const string Surname = "surname";

    /// <summary>The same speaker and the same words, ignoring case, punctuation and quotation marks (1).</summary>
    public const string SameUtterance = "same-utterance";

    /// <summary>The same speaker and nearly the same words (score = similarity, at least 0.9).</summary>
    public const string NearUtterance = "near-utterance";
}
