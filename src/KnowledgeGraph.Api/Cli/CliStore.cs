using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Domain.Ports;

namespace KnowledgeGraph.Api.Cli;

/// <summary>
/// The store a verb works on, configured exactly as the server's (environment, appsettings,
/// the configuration arguments after the verb), so that a verb and a running server share one
/// database. The host is built, never started.
/// </summary>
internal sealed class CliStore : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CliStore(WebApplication app)
    {
        _app = app;
        Store = app.Services.GetRequiredService<IGraphStore>();
        Admin = app.Services.GetRequiredService<IGraphStoreAdmin>();
    }

    public IGraphStore Store { get; }

    public IGraphStoreAdmin Admin { get; }

    public static async Task<CliStore> OpenAsync(IReadOnlyList<string> configuration, string? contentRoot, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = configuration.ToArray(),
            ContentRootPath = contentRoot,
        });
        builder.Logging.ClearProviders();
        builder.AddKnowledgeGraph();
        var app = builder.Build();
        var store = new CliStore(app);
        await store.Admin.InitializeAsync(cancellationToken);
        return store;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
