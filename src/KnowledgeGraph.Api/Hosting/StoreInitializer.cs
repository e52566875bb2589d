using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Ports;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Hosting;

/// <summary>
/// Prepares the store before the server takes requests: applies its schema, then loads the
/// shipped bundles when the store is empty. A store that cannot be reached yet is retried in
/// the background, and the readiness endpoint says 503 until it is ready. Any other failure (a
/// bundle that does not import, a seed file that cannot be read) will not mend by retrying: it
/// is logged with its reason and readiness reports it as failed.
/// </summary>
internal sealed partial class StoreInitializer(
    IGraphStore store,
    IGraphStoreAdmin admin,
    IOptions<SeedOptions> seed,
    ILogger<StoreInitializer> logger) : IHostedService, IDisposable
{
    // Never disposed: a source without timers or links holds nothing to release, and a host
    // stopped twice (WebApplicationFactory and Program both stop it, sometimes after disposing
    // the services) may cancel it at any time, so it must stay usable.
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retry;

    /// <summary>Whether the store is initialised and seeded.</summary>
    public bool Ready { get; private set; }

    /// <summary>Whether preparing the store failed in a way retrying cannot mend (the log says why).</summary>
    public bool Failed { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken);
        }
        catch (StoreException e)
        {
            LogStoreNotReady(logger, e.Code, e.Message);
            _retry = RetryAsync(_stopping.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Fail(e);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_retry is not null)
        {
            await Task.WhenAny(_retry, Task.Delay(Timeout.Infinite, cancellationToken));
        }
    }

    public void Dispose() => _stopping.Cancel();

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, cancellationToken);
                await InitializeAsync(cancellationToken);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (StoreException e)
            {
                LogStoreNotReady(logger, e.Code, e.Message);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
            catch (Exception e)
            {
                Fail(e);
                return;
            }
        }
    }

    private void Fail(Exception e)
    {
        Failed = true;
        LogFailed(logger, e, e.Message);
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await admin.InitializeAsync(cancellationToken);
        var options = seed.Value;
        if (options.Enabled && await admin.IsEmptyAsync(cancellationToken))
        {
            await SeedAsync(options.Directory, cancellationToken);
        }

        Ready = true;
    }

    private async Task SeedAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            LogNoSeedDirectory(logger, directory);
            return;
        }

        var importer = new DocumentImporter(store, admin);
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var result = await importer.ImportAsync(
                name,
                json,
                textFile =>
                {
                    var path = Path.Combine(directory, textFile);
                    return File.Exists(path) ? File.ReadAllText(path) : null;
                },
                new ImportOptions(KeyName: Domain.Changes.ChangeEntry.SystemKeyName, Operation: "seed"),
                cancellationToken);
            if (!result.Accepted)
            {
                throw new ImportException(name, result.Problems);
            }

            LogSeeded(logger, name, result.Changes.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is not ready ({Code}): {Reason} Retrying in the background.")]
    private static partial void LogStoreNotReady(ILogger logger, string code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Preparing the store failed and will not be retried: {Reason} The server answers, but /health/ready reports the failure.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The seed folder {Directory} does not exist; the store stays empty.")]
    private static partial void LogNoSeedDirectory(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {File}: {Count} records.")]
    private static partial void LogSeeded(ILogger logger, string file, int count);
}
