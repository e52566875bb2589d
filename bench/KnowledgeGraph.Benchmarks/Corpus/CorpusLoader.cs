using System.Diagnostics;
using System.Text.Json;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Benchmarks.Corpus;

/// <summary>What loading a corpus cost.</summary>
internal sealed record LoadReport(
    int Statements,
    int Seed,
    int ChunkStatements,
    int Batches,
    TimeSpan Elapsed,
    long PeakWorkingSetBytes,
    long DatabaseBytes,
    CorpusCounts Counts);

/// <summary>
/// Loads a generated corpus into a store through the real <see cref="IGraphStoreAdmin.ImportAsync"/>,
/// one transaction per chunk, so memory stays bounded by the chunk size whatever the corpus size.
/// </summary>
internal static class CorpusLoader
{
    public const int DefaultChunkStatements = 20_000;

    public static async Task<LoadReport> LoadAsync(
        CorpusGenerator generator,
        IGraphStoreAdmin admin,
        int chunkStatements,
        TextWriter? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(admin);
        await admin.InitializeAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var batches = 0;
        var lastReport = TimeSpan.Zero;
        foreach (var batch in generator.Batches(chunkStatements))
        {
            await admin.ImportAsync(batch, cancellationToken);
            batches++;
            if (progress is not null && clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = clock.Elapsed;
                await progress.WriteLineAsync(
                    $"  loaded {generator.Counts.Statements:N0} of {generator.Shape.Statements:N0} statements in {clock.Elapsed.TotalSeconds:F0} s (peak working set {Memory.PeakWorkingSetBytes() / 1_048_576:N0} MiB)");
            }
        }

        clock.Stop();
        return new LoadReport(
            generator.Shape.Statements,
            generator.Seed,
            chunkStatements,
            batches,
            clock.Elapsed,
            Memory.PeakWorkingSetBytes(),
            0,
            generator.Counts);
    }

    /// <summary>
    /// The database for a corpus, generated and loaded once and kept under <paramref name="directory"/>
    /// with a marker written after a complete load; a file without its marker is loaded anew.
    /// </summary>
    public static async Task<(string Path, LoadReport Report, bool Reused)> EnsureDatabaseAsync(
        string directory,
        int statements,
        int seed,
        int chunkStatements,
        TextWriter? progress,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, $"kg-{statements}-seed{seed}.db"));
        var marker = path + ".load.json";
        if (File.Exists(path) && File.Exists(marker))
        {
            var previous = JsonSerializer.Deserialize<LoadReport>(await File.ReadAllTextAsync(marker, cancellationToken), JsonOptions);
            if (previous is not null)
            {
                return (path, previous, true);
            }
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", marker })
        {
            File.Delete(file);
        }

        if (progress is not null)
        {
            await progress.WriteLineAsync($"Generating and loading {statements:N0} statements into {path} …");
        }

        var store = new SqliteGraphStore(path);
        var generator = new CorpusGenerator(new CorpusShape(statements), seed);
        var report = await LoadAsync(generator, store, chunkStatements, progress, cancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        report = report with { DatabaseBytes = DatabaseBytes(path) };
        await File.WriteAllTextAsync(marker, JsonSerializer.Serialize(report, JsonOptions), cancellationToken);
        return (path, report, false);
    }

    public static long DatabaseBytes(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}

/// <summary>Process memory as the kernel sees it.</summary>
internal static class Memory
{
    /// <summary>The peak resident set (VmHWM) of this process.</summary>
    public static long PeakWorkingSetBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
