using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Tests.Infrastructure;

/// <summary>The shipped data as the tests see it: copied beside the test binaries by the API project.</summary>
public static class Seed
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "data");

    public const string ArticleFile = "000_7ec11662766b884c";

    public static string ArticleText => File.ReadAllText(Path.Combine(Directory, ArticleFile + ".txt"));

    public static string BundleJson => File.ReadAllText(Path.Combine(Directory, ArticleFile + ".json"));

    public static string? ReadTextFile(string name)
    {
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public static string Id(NodeType type, string key) => new NodeId(type, key).Encode();
}
