namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>Whether UTF-16 text is Unicode: every surrogate is half of a pair.</summary>
internal static class UnicodeText
{
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
