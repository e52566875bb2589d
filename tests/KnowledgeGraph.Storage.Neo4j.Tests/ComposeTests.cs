using KnowledgeGraph.Storage.Neo4j.Tests.Contract;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>docker-compose.yml runs the image the contract suite tests, configured through documented settings.</summary>
public sealed class ComposeTests
{
    private static string Repository([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));

    [Fact]
    public void Compose_pins_the_Neo4j_image_of_the_contract_suite()
    {
        var compose = File.ReadAllText(Path.Combine(Repository(), "docker-compose.yml"));
        Assert.Contains($"image: {Neo4jServer.Image}\n", compose, StringComparison.Ordinal);
        Assert.Contains("condition: service_healthy", compose, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_sets_only_settings_the_host_reads()
    {
        var compose = File.ReadAllLines(Path.Combine(Repository(), "docker-compose.yml"));
        var settings = compose.Select(l => l.Trim()).Where(l => l.StartsWith("KG_", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToArray();
        Assert.Equal(["KG_STORE", "KG_NEO4J__URI", "KG_NEO4J__DATABASE", "KG_NEO4J__USER", "KG_NEO4J__PASSWORD"], settings);
        var properties = typeof(Neo4jStoreOptions).GetProperties().Select(p => "KG_NEO4J__" + p.Name.ToUpperInvariant()).ToHashSet();
        Assert.All(settings.Where(s => s.StartsWith("KG_NEO4J__", StringComparison.Ordinal)), s => Assert.Contains(s, properties));
        var readme = File.ReadAllText(Path.Combine(Repository(), "README.md"));
        Assert.All(settings, s => Assert.Contains($"`{s}`", readme, StringComparison.Ordinal));
    }
}
