using System.Net;
using KnowledgeGraph.Domain.Ports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Benchmarks.Server;

/// <summary>
/// The real host — the API's own <c>Program</c>, with every registration it makes — on Kestrel
/// at a free loopback port, over a given SQLite file. The benchmark adds only what it measures
/// with: the bare baseline and stats endpoints (<see cref="BenchEndpoints"/>, through an
/// <see cref="IStartupFilter"/>, never mapped by the product) and a timing wrapper around the
/// store port.
/// </summary>
internal sealed class BenchServer : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly bool _timeStoreCalls;

    public BenchServer(string databasePath, bool timeStoreCalls = true)
    {
        _databasePath = databasePath;
        _timeStoreCalls = timeStoreCalls;

        // The factory looks for the API's source folder to use as content root, which is not
        // there when the binaries are copied elsewhere; the binaries' folder has the API's content.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KNOWLEDGEGRAPH_API", AppContext.BaseDirectory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the server and returns its address.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server reports no address.");
        var address = addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new Uri(address.TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production: no developer exception page, no DI scope validation on every resolve.
        builder.UseEnvironment("Production");

        builder.UseSetting("Sqlite:Path", _databasePath);
        builder.UseSetting("Seed:Enabled", "false");
        // Logging as it ships (no settings), so that what it costs per request is measured;
        // only the start-up lines are left out of the benchmark's output.
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");

        // Kestrel warns that UseKestrel's loopback port overrides the API's default URL: expected here.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel", "Error");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<StoreTimer>();
            services.AddSingleton<IStartupFilter, BenchEndpoints>();
            if (!_timeStoreCalls)
            {
                return;
            }

            var registration = services.Last(d => d.ServiceType == typeof(IGraphStore));
            services.Remove(registration);
            // Timed inside the host's counting decorator, so the store-call header still counts every call.
            services.AddSingleton<IGraphStore>(sp => new TimedGraphStore(sp.GetRequiredService<CountingGraphStore>(), sp.GetRequiredService<StoreTimer>()));
        });
    }
}
