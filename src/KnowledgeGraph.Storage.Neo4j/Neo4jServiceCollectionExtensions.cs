using KnowledgeGraph.Domain.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>Registers the Neo4j store.</summary>
public static class Neo4jServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="Neo4jStoreOptions"/> from the <c>Neo4j</c> section of
    /// <paramref name="configuration"/> (validated at start), registers the named
    /// <see cref="HttpClient"/> and the store as <see cref="IGraphStore"/> and
    /// <see cref="IGraphStoreAdmin"/> singletons, and the <see cref="RoundTripCounter"/> of its HTTP requests.
    /// </summary>
    public static IServiceCollection AddNeo4jGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<Neo4jStoreOptions>()
            .Bind(configuration.GetSection(Neo4jStoreOptions.Section))
            .Validate(o => !o.Problems().Any(), "The Neo4j settings are invalid: check Neo4j:Uri, Database, RequestTimeout, RetryBudget and RetryDelay.")
            .ValidateOnStart();

        services.AddHttpClient(Neo4jGraphStore.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirected POST would turn into a GET; the store reports redirects instead.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RoundTripCounter>();
        services.AddSingleton(sp => new Neo4jGraphStore(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<Neo4jStoreOptions>>().Value,
            sp.GetRequiredService<RoundTripCounter>(),
            sp.GetRequiredService<ILogger<Neo4jGraphStore>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        services.AddSingleton<IGraphStoreAdmin>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        services.AddSingleton<Domain.Changes.IChangeLog>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        services.AddSingleton<IGraphAnalytics>(sp => new Neo4jAnalytics(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<Neo4jStoreOptions>>().Value,
            sp.GetRequiredService<RoundTripCounter>(),
            sp.GetRequiredService<ILogger<Neo4jAnalytics>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
