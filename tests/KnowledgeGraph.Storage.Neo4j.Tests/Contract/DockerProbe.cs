using System.Net.Sockets;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace KnowledgeGraph.Storage.Neo4j.Tests.Contract;

/// <summary>Asks the Docker endpoint Testcontainers would use whether an engine answers (<c>GET /_ping</c>).</summary>
public static class DockerProbe
{
    /// <summary>Why no engine answers, or null when one does.</summary>
    public static async Task<string?> WhyNoEngineAsync()
    {
        Uri? endpoint;
        try
        {
            endpoint = TestcontainersSettings.OS.DockerEndpointAuthConfig?.Endpoint;
        }
        catch (Exception e) when (e is DockerUnavailableException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}";
        }

        if (endpoint is null)
        {
            return "no Docker endpoint is configured or found";
        }

        try
        {
            using var http = Client(endpoint);
            using var response = await http.GetAsync(new Uri("/_ping", UriKind.Relative));
            return response.IsSuccessStatusCode ? null : $"{endpoint} answered {(int)response.StatusCode} to /_ping";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException or IOException)
        {
            return $"{endpoint} does not answer ({e.GetType().Name}: {e.Message})";
        }
    }

    private static HttpClient Client(Uri endpoint)
    {
        if (endpoint.Scheme == "unix")
        {
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint.AbsolutePath), cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
            return new HttpClient(handler) { BaseAddress = new Uri("http://docker"), Timeout = TimeSpan.FromSeconds(10) };
        }

        var scheme = endpoint.Scheme == "tcp" ? "http" : endpoint.Scheme;
        return new HttpClient { BaseAddress = new Uri($"{scheme}://{endpoint.Authority}"), Timeout = TimeSpan.FromSeconds(10) };
    }
}
