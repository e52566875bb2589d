using KnowledgeGraph.Domain.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

/// <summary>A Neo4j store built the way the host builds it (through <c>AddNeo4jGraphStore</c>), pointed at a double.</summary>
public sealed class StoreHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StoreHarness(QueryApiDouble api, ServiceProvider services, SteppingClock? clock)
    {
        Api = api;
        _services = services;
        Clock = clock;
        Store = services.GetRequiredService<Neo4jGraphStore>();
        Counter = services.GetRequiredService<RoundTripCounter>();
    }

    public QueryApiDouble Api { get; }

    public Neo4jGraphStore Store { get; }

    public RoundTripCounter Counter { get; }

    /// <summary>The analytics registered beside the store.</summary>
    public IGraphAnalytics Analytics => _services.GetRequiredService<IGraphAnalytics>();

    /// <summary>The clock of the backoff, unless the harness runs on real time.</summary>
    public SteppingClock? Clock { get; }

    /// <summary>Starts a double and a store with these settings (keys below <c>Neo4j:</c>).</summary>
    public static async Task<StoreHarness> StartAsync(IDictionary<string, string?>? settings = null, bool realTime = false)
    {
        var api = await QueryApiDouble.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["Neo4j:Uri"] = api.Uri.ToString(),
            ["Neo4j:Password"] = "secret-password",
            ["Neo4j:RetryBudget"] = "00:00:01",
            ["Neo4j:RetryDelay"] = "00:00:00.100",
            ["Neo4j:MaxRetryDelay"] = "00:00:02",
            ["Neo4j:RequestTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values["Neo4j:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<RoundTripCounter>();
        var clock = realTime ? null : new SteppingClock();
        if (clock is not null)
        {
            services.AddSingleton<TimeProvider>(clock);
        }

        services.AddNeo4jGraphStore(configuration);
        return new StoreHarness(api, services.BuildServiceProvider(validateScopes: true), clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Api.DisposeAsync();
    }
}
