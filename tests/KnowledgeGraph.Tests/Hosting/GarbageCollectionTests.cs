using System.Text.Json;
using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Benchmarks.Server;
using KnowledgeGraph.Tests.Hostile;

namespace KnowledgeGraph.Tests.Hosting;

/// <summary>
/// The gen0 budget the server runs with: read from the environment as the runtime reads it,
/// set by <c>dotnet run</c>'s launch profile and by the benchmark, and named in the server's
/// start-up log (the API as a child process).
/// </summary>
public sealed class GarbageCollectionTests
{
    private const string LogCategory = "Logging__LogLevel__KnowledgeGraph.Api.Hosting.GarbageCollection";

    [Theory]
    [InlineData("0x4000000", 67_108_864L)]
    [InlineData("4000000", 67_108_864L)]
    [InlineData("0X10", 16L)]
    [InlineData(" 0x800000 ", 8_388_608L)]
    [InlineData("0", null)]
    [InlineData("", null)]
    [InlineData("-1", null)]
    public void The_budget_is_read_as_hexadecimal_as_the_runtime_reads_it(string value, long? bytes)
    {
        Assert.Equal(bytes, GarbageCollection.Gen0Budget(name => name == GarbageCollection.Gen0SizeVariable ? value : null));
    }

    [Fact]
    public void The_older_prefix_is_read_when_the_dotnet_one_is_unset_and_loses_to_it_when_both_are_set()
    {
        var legacyOnly = new Dictionary<string, string> { [GarbageCollection.LegacyGen0SizeVariable] = "0x1000000" };
        var both = new Dictionary<string, string> { [GarbageCollection.LegacyGen0SizeVariable] = "0x1000000", [GarbageCollection.Gen0SizeVariable] = "0x2000000" };

        Assert.Equal(16_777_216L, GarbageCollection.Gen0Budget(name => legacyOnly.GetValueOrDefault(name)));
        Assert.Equal(33_554_432L, GarbageCollection.Gen0Budget(name => both.GetValueOrDefault(name)));
        Assert.Null(GarbageCollection.Gen0Budget(_ => null));
        Assert.Equal(67_108_864L, GarbageCollection.RecommendedGen0Bytes);
    }

    [Fact]
    public void Dotnet_run_starts_the_server_with_the_recommended_budget_and_no_url_of_its_own()
    {
        // dotnet run takes the first profile whose commandName is Project.
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "launch", "launchSettings.json")));
        var profile = launch.RootElement.GetProperty("profiles").EnumerateObject()
            .First(p => p.Value.GetProperty("commandName").GetString() == "Project").Value;

        var variables = profile.GetProperty("environmentVariables").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?> { [GarbageCollection.Gen0SizeVariable] = GarbageCollection.RecommendedGen0Size }, variables);

        // The server's own default (KG_URLS, http://localhost:5080) stays in force.
        Assert.False(profile.TryGetProperty("applicationUrl", out _));
        Assert.False(profile.GetProperty("launchBrowser").GetBoolean());
    }

    [Fact]
    public void The_benchmark_gives_its_servers_the_recommended_budget_unless_its_own_environment_sets_one()
    {
        var unset = new Dictionary<string, string?> { ["PATH"] = "/usr/bin" };
        ServerHandle.ApplyGen0Budget(unset);
        Assert.Equal(GarbageCollection.RecommendedGen0Size, unset[GarbageCollection.Gen0SizeVariable]);
        Assert.Equal("a gen0 budget of 64 MiB (`DOTNET_GCgen0size=0x4000000`)", ServerHandle.DescribeGen0Budget(unset));

        var runtimeDefault = new Dictionary<string, string?> { [GarbageCollection.Gen0SizeVariable] = "0" };
        ServerHandle.ApplyGen0Budget(runtimeDefault);
        Assert.Equal("0", runtimeDefault[GarbageCollection.Gen0SizeVariable]);
        Assert.Equal("the runtime's own gen0 budget (`DOTNET_GCgen0size=0`)", ServerHandle.DescribeGen0Budget(runtimeDefault));

        var legacy = new Dictionary<string, string?> { [GarbageCollection.LegacyGen0SizeVariable] = "2000000" };
        ServerHandle.ApplyGen0Budget(legacy);
        Assert.False(legacy.ContainsKey(GarbageCollection.Gen0SizeVariable));
        Assert.Equal("a gen0 budget of 32 MiB (`COMPlus_GCgen0size=2000000`)", ServerHandle.DescribeGen0Budget(legacy));
    }

    [Theory]
    [InlineData("0x4000000", "Garbage collector: Server GC, gen0 budget 64 MiB (from DOTNET_GCgen0size).")]
    [InlineData("0", "Garbage collector: Server GC, gen0 budget left to the runtime. DOTNET_GCgen0size=0x4000000 in the server's environment makes requests cheaper (see the README's settings).")]
    public async Task The_server_names_its_collector_and_budget_when_it_starts(string value, string line)
    {
        await using var api = await ChildProcessApi.StartAsync(new Dictionary<string, string>
        {
            [GarbageCollection.Gen0SizeVariable] = value,
            [LogCategory] = "Information",
        });

        // The line is written once the host has started, which /health/ready may answer before.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!api.Output.Any(l => l.Contains("Garbage collector:", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal([line], api.Output.Where(l => l.Contains("Garbage collector:", StringComparison.Ordinal)).Select(l => l.Trim()));
    }
}
