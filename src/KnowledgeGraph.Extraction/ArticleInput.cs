namespace KnowledgeGraph.Extraction;

/// <summary>One article to read: its exact text and what is known of its publication.</summary>
/// <param name="Key">The article's record key in the draft bundle (a slug).</param>
/// <param name="Text">The article text, exactly as stored; every span is a UTF-16 range of it.</param>
/// <param name="Publisher">The outlet that wrote it, when known.</param>
/// <param name="PublishedAt">When it was published; relative dates ("Sunday") resolve against it, and stay null without it.</param>
/// <param name="Title">Its headline, when known.</param>
/// <param name="Url">Where it was published, when known.</param>
/// <param name="TextFile">The file name the draft bundle gives for the text, when the text lives beside it.</param>
public sealed record ArticleInput(
    string Key,
    string Text,
    string? Publisher = null,
    DateTimeOffset? PublishedAt = null,
    string? Title = null,
    string? Url = null,
    string? TextFile = null);
