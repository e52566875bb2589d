using System.Net;
using KnowledgeGraph.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Protocol;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 and a free port (a browser or a node script needs a
/// socket, which TestServer has not), seeded like every other test host.
/// </summary>
public sealed class LoopbackApi : IAsyncDisposable
{
    private LoopbackApi(ApiFactory factory, Uri baseAddress)
    {
        Factory = factory;
        BaseAddress = baseAddress;
    }

    public ApiFactory Factory { get; }

    /// <summary>The server's root, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public Uri GraphQL => new(BaseAddress, "graphql");

    /// <summary>Starts a seeded host and waits until it reports ready.</summary>
    public static async Task<LoopbackApi> StartAsync(Action<ApiFactory>? configure = null)
    {
        var factory = new ApiFactory();
        factory.Settings["urls"] = "http://127.0.0.1:0";
        configure?.Invoke(factory);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();

        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var api = new LoopbackApi(factory, new Uri(address.TrimEnd('/') + "/"));

        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var ready = await http.GetAsync("health/ready", TestContext.Current.CancellationToken);
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return api;
            }

            if (DateTime.UtcNow > deadline)
            {
                await api.DisposeAsync();
                throw new TimeoutException($"The API at {api.BaseAddress} did not become ready: {(int)ready.StatusCode}.");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
