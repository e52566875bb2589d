using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Tests.Hosting;

/// <summary>
/// ASP.NET Core's own lines per request (request started and finished, endpoint executing and
/// executed) and IHttpClientFactory's per call to Neo4j are off unless asked for: at Information
/// they add a large share to a small request's CPU. The host's own Information lines stay on.
/// </summary>
public sealed class RequestLoggingTests
{
    private const string Query = "{ people(first: 1) { nodes { name } } }";
    private const string RequestCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";
    private const string EndpointCategory = "Microsoft.AspNetCore.Routing.EndpointMiddleware";

    [Fact]
    public async Task By_default_a_request_logs_no_ASP_NET_Core_lines_below_warning_while_the_host_logs_information()
    {
        var (log, requestsLogged) = await ServeOneRequestAsync(settings: []);

        // Asked of the host's own logger factory: the lines are off, not merely not yet written.
        Assert.False(requestsLogged);
        Assert.DoesNotContain(log, e => e.Category.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) && e.Level < LogLevel.Warning);

        // Information from the host itself still comes through: the seed was loaded and said so.
        Assert.Contains(log, e => e.Category == typeof(StoreInitializer).FullName && e.Level == LogLevel.Information && e.Message.StartsWith("Loaded ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_setting_brings_the_request_lines_back()
    {
        var (log, requestsLogged) = await ServeOneRequestAsync(settings: new() { [KnowledgeGraphHosting.RequestLogLevelKey] = "Information" });

        Assert.True(requestsLogged);
        Assert.Single(log, e => e.Category == RequestCategory && e.Level == LogLevel.Information && e.Message.StartsWith("Request starting HTTP/1.1 POST", StringComparison.Ordinal));
        Assert.Single(log, e => e.Category == RequestCategory && e.Level == LogLevel.Information && e.Message.StartsWith("Request finished HTTP/1.1 POST", StringComparison.Ordinal));
        Assert.Equal(2, log.Count(e => e.Category == EndpointCategory && e.Level == LogLevel.Information));
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics", KnowledgeGraphHosting.RequestLogLevelKey)]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware", KnowledgeGraphHosting.RequestLogLevelKey)]
    [InlineData("System.Net.Http.HttpClient." + Storage.Neo4j.Neo4jGraphStore.HttpClientName + ".LogicalHandler", KnowledgeGraphHosting.HttpClientLogLevelKey)]
    [InlineData("System.Net.Http.HttpClient." + Storage.Neo4j.Neo4jGraphStore.HttpClientName + ".ClientHandler", KnowledgeGraphHosting.HttpClientLogLevelKey)]
    public async Task Per_call_categories_log_from_warning_up_unless_the_command_line_lowers_them(string category, string key)
    {
        await using var shipped = Build();
        var logger = shipped.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));

        // The host's own categories are not held back.
        Assert.True(shipped.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreInitializer).FullName!).IsEnabled(LogLevel.Information));

        await using var lowered = Build($"--{key}=Information");
        Assert.True(lowered.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category).IsEnabled(LogLevel.Information));
    }

    private static WebApplication Build(params string[] args) => ProgramBuilder.Create(args).Build();

    /// <summary>
    /// One request to a host with the given settings; its log once the request has ended on the
    /// server too (the "finished" line is written after the client has the response), and whether
    /// the host logs requests at Information.
    /// </summary>
    private static async Task<(IReadOnlyList<LogEntry> Log, bool RequestsLogged)> ServeOneRequestAsync(Dictionary<string, string?> settings)
    {
        var log = new LogCapture();

        // The shipped host has no log settings, so everything else logs from Information up.
        await using var host = new ApiFactory { Settings = { ["Logging:LogLevel:Default"] = "Information" } };
        foreach (var (key, value) in settings)
        {
            host.Settings[key] = value;
        }

        await using var logged = host.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(log)));
        var data = (await GraphQLWire.PostAsync(logged.CreateClient(), new { query = Query })).EnsureNoErrors().Data.ToJsonString();
        Assert.Equal("{\"people\":{\"nodes\":[{\"name\":\"Dmitry Medvedev\"}]}}", data);

        var requestsLogged = logged.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestCategory).IsEnabled(LogLevel.Information);
        if (requestsLogged)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!log.Entries.Any(e => e.Category == RequestCategory && e.Message.StartsWith("Request finished", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
        }

        return (log.Entries, requestsLogged);
    }
}
