using KnowledgeGraph.Domain.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>What <c>AddNeo4jGraphStore</c> registers, as the host uses it.</summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public void The_store_is_one_singleton_behind_both_ports_with_settings_from_the_Neo4j_section()
    {
        using var services = Build(new() { ["Neo4j:Uri"] = "http://graph.internal:7474/", ["Neo4j:Database"] = "news", ["Neo4j:RetryBudget"] = "00:00:30" });

        var store = services.GetRequiredService<IGraphStore>();
        Assert.Same(store, services.GetRequiredService<IGraphStoreAdmin>());
        Assert.Same(store, services.GetRequiredService<Neo4jGraphStore>());
        Assert.Equal(new Uri("http://graph.internal:7474/db/news/query/v2"), ((Neo4jGraphStore)store).Endpoint);
        var options = services.GetRequiredService<IOptions<Neo4jStoreOptions>>().Value;
        Assert.Equal(("neo4j", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)), (options.User, options.RetryBudget, options.RequestTimeout));
    }

    [Fact]
    public void Defaults_point_at_a_local_server_and_its_default_database()
    {
        using var services = Build([]);
        Assert.Equal(new Uri("http://localhost:7474/db/neo4j/query/v2"), services.GetRequiredService<Neo4jGraphStore>().Endpoint);
    }

    [Fact]
    public void Invalid_settings_fail_with_the_reason()
    {
        using var services = Build(new() { ["Neo4j:Uri"] = "ftp://graph.internal", ["Neo4j:RequestTimeout"] = "00:00:00" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IGraphStore>());
        Assert.Equal(
            "The Neo4j settings are invalid: check Neo4j:Uri, Database, RequestTimeout, RetryBudget and RetryDelay.",
            Assert.Single(error.Failures));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<RoundTripCounter>();
        services.AddNeo4jGraphStore(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }
}
