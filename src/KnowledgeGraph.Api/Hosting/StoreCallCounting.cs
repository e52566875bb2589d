using KnowledgeGraph.Domain.Ports;

namespace KnowledgeGraph.Api.Hosting;

/// <summary>Puts the one <see cref="CountingGraphStore"/> in front of whichever store is registered.</summary>
internal static class StoreCallCounting
{
    /// <summary>
    /// Replaces the registered <see cref="IGraphStore"/> and <see cref="IGraphStoreAdmin"/> with a
    /// <see cref="CountingGraphStore"/> over them (also registered as itself), and registers the
    /// <see cref="StoreCallCounter"/>; the <see cref="IGraphAnalytics"/> too, when a store offers it.
    /// </summary>
    public static IServiceCollection CountStoreCalls(this IServiceCollection services)
    {
        var store = Take(services, typeof(IGraphStore));
        var admin = Take(services, typeof(IGraphStoreAdmin));
        services.AddSingleton<StoreCallCounter>();
        services.AddSingleton(sp => new CountingGraphStore(
            (IGraphStore)Resolve(sp, store),
            (IGraphStoreAdmin)Resolve(sp, admin),
            sp.GetRequiredService<StoreCallCounter>()));
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<CountingGraphStore>());
        services.AddSingleton<IGraphStoreAdmin>(sp => sp.GetRequiredService<CountingGraphStore>());
        if (services.Any(d => d.ServiceType == typeof(IGraphAnalytics)))
        {
            var analytics = Take(services, typeof(IGraphAnalytics));
            services.AddSingleton<IGraphAnalytics>(sp => new CountingGraphAnalytics(
                (IGraphAnalytics)Resolve(sp, analytics),
                sp.GetRequiredService<StoreCallCounter>()));
        }

        if (services.Any(d => d.ServiceType == typeof(Domain.Changes.IChangeLog)))
        {
            var log = Take(services, typeof(Domain.Changes.IChangeLog));
            services.AddSingleton<Domain.Changes.IChangeLog>(sp => new Domain.Changes.CountingChangeLog(
                (Domain.Changes.IChangeLog)Resolve(sp, log),
                sp.GetRequiredService<StoreCallCounter>()));
        }

        return services;
    }

    private static ServiceDescriptor Take(IServiceCollection services, Type type)
    {
        var registration = services.LastOrDefault(d => d.ServiceType == type)
            ?? throw new InvalidOperationException($"No store is registered as {type.Name}.");
        services.Remove(registration);
        return registration;
    }

    private static object Resolve(IServiceProvider services, ServiceDescriptor registration) =>
        registration.ImplementationInstance
        ?? registration.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.GetServiceOrCreateInstance(services, registration.ImplementationType!);
}
