using KnowledgeGraph.Domain.Ports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Infrastructure;

/// <summary>
/// The real host (Program) on a fresh SQLite file of its own, seeded with the shipped articles
/// exactly as `dotnet run` seeds it.
/// </summary>
public sealed class ApiFactory(string? directory = null) : WebApplicationFactory<Program>
{
    // A host given a folder shares it (to test restarts) and leaves it for its owner to remove.
    private readonly bool _ownsDirectory = directory is null;
    private readonly string _directory = directory ?? Path.Combine(Path.GetTempPath(), "kg-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Extra settings, applied before the host is built.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>The database file of this host.</summary>
    public string DatabasePath => Path.Combine(_directory, "knowledge-graph.db");

    /// <summary>The store calls this host has made so far.</summary>
    public long StoreCalls => Services.GetRequiredService<StoreCallCounter>().Total;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sqlite:Path", DatabasePath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on this platform; the OS temp folder is cleaned eventually.
        }
    }
}
