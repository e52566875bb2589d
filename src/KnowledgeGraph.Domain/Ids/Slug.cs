using System.Text.RegularExpressions;

namespace KnowledgeGraph.Domain.Ids;

/// <summary>Stable record keys: lowercase ASCII words joined by single hyphens.</summary>
public static partial class Slug
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 120;

    /// <summary>The pattern every key matches, as documented in the import format.</summary>
    public const string Pattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    /// <summary>Whether <paramref name="key"/> is a valid record key.</summary>
    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && SlugRegex().IsMatch(key);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}
