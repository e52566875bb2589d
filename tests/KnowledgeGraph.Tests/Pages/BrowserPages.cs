namespace KnowledgeGraph.Tests.Pages;

/// <summary>The page tests run one after another: two Chromiums at once starve a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserPages
{
    public const string Name = "Browser pages";
}
