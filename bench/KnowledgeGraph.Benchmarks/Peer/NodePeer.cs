using System.Diagnostics;
using System.Text;

namespace KnowledgeGraph.Benchmarks.Peer;

/// <summary>
/// The Node.js peer in <c>bench/peer</c> (graphql-js, DataLoader, better-sqlite3): a second
/// server over the same SQLite file, the yardstick the API is compared with. Its packages come
/// from the npm registry through <c>npm ci</c> (better-sqlite3 compiled against the installed
/// Node's headers), once, when <c>node_modules</c> is missing; nothing else is fetched.
/// </summary>
internal sealed class NodePeer : IAsyncDisposable
{
    /// <summary>The workloads the peer implements (the others are the API's alone).</summary>
    public static bool Serves(string workload) =>
        workload is Load.Workloads.PointLookup or Load.Workloads.WhoSaidWhat
        || workload.StartsWith(Load.Workloads.Traversal + "-", StringComparison.Ordinal);

    private const string ReadyLine = "PEER-READY ";
    private readonly Process _process;

    private NodePeer(Process process, Uri baseAddress, string banner)
    {
        _process = process;
        BaseAddress = baseAddress;
        Banner = banner;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the peer said when it was ready (its HTTP flavour and statement cache).</summary>
    public string Banner { get; }

    public int ProcessId => _process.Id;

    /// <summary>The peer's folder: <paramref name="given"/>, or <c>bench/peer</c> found above the current folder or this program.</summary>
    public static string? Locate(string? given)
    {
        if (given is not null)
        {
            return File.Exists(Path.Combine(given, "server.js")) ? Path.GetFullPath(given) : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "peer");
                if (File.Exists(Path.Combine(candidate, "server.js")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Null when Node.js and npm run here; otherwise why the peer cannot.</summary>
    public static async Task<string?> UnavailableReasonAsync(CancellationToken cancellationToken)
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            var (exit, output) = await RunAsync(tool, ["--version"], null, null, TimeSpan.FromSeconds(30), cancellationToken);
            if (exit != 0)
            {
                return $"{tool} is not installed or does not run ({output.Trim()})";
            }
        }

        return null;
    }

    /// <summary>
    /// Runs <c>npm ci</c> in the peer's folder when its packages are missing or better-sqlite3
    /// does not load. Returns null when the peer is ready to start, else why not.
    /// </summary>
    public static async Task<string?> EnsureInstalledAsync(string directory, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (Directory.Exists(Path.Combine(directory, "node_modules")) && await LoadsSqliteAsync(directory, cancellationToken))
        {
            return null;
        }

        await log.WriteLineAsync($"Installing the peer's packages in {directory} (npm ci; better-sqlite3 compiles from source, a few minutes once) …");
        var environment = new Dictionary<string, string>
        {
            // Build the native module here, against the installed Node's headers: no prebuilt
            // binary and no header tarball is downloaded.
            ["npm_config_build_from_source"] = "true",
        };
        if (Directory.Exists("/usr/include/node"))
        {
            environment["npm_config_nodedir"] = "/usr";
        }

        var (exit, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, environment, TimeSpan.FromMinutes(20), cancellationToken);
        if (exit != 0)
        {
            return $"`npm ci` in {directory} failed (exit {exit}): {Tail(output)}";
        }

        return await LoadsSqliteAsync(directory, cancellationToken)
            ? null
            : $"better-sqlite3 does not load after `npm ci` in {directory}";
    }

    /// <summary>Starts the peer over <paramref name="databasePath"/> on a free loopback port.</summary>
    public static async Task<NodePeer> StartAsync(string directory, string databasePath, int workers, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, "server.js"));
        start.Environment["NODE_ENV"] = "production";
        start.Environment["PEER_DB"] = databasePath;
        start.Environment["PEER_HOST"] = "127.0.0.1";
        start.Environment["PEER_PORT"] = "0";
        start.Environment["PEER_WORKERS"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The same page cache and memory map per connection as the API's read connections.
        start.Environment["PEER_CACHE_SIZE_KIB"] = KnowledgeGraph.Storage.Sqlite.SqliteStoreOptions.DefaultReadCacheKiB.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PEER_MMAP_SIZE"] = (KnowledgeGraph.Storage.Sqlite.SqliteStoreOptions.DefaultMemoryMapMiB * 1_048_576L).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The peer did not start.");
        var errors = new StringBuilder();
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
            {
                lock (errors)
                {
                    errors.AppendLine(line);
                }

                await Console.Error.WriteLineAsync("[peer] " + line);
            }
        }, CancellationToken.None);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(ReadyLine, StringComparison.Ordinal))
                {
                    _ = Task.Run(async () =>
                    {
                        while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } rest)
                        {
                            await Console.Error.WriteLineAsync("[peer] " + rest);
                        }
                    }, CancellationToken.None);

                    // "PEER-READY http://127.0.0.1:PORT/graphql (graphql-http, statement cache on, page cache 32768 KiB, memory map 2147418112 bytes)"
                    var rest = line[ReadyLine.Length..];
                    var space = rest.IndexOf(' ', StringComparison.Ordinal);
                    var url = new Uri(space < 0 ? rest : rest[..space]);
                    return new NodePeer(process, new Uri(url.GetLeftPart(UriPartial.Authority) + "/"), space < 0 ? string.Empty : rest[(space + 1)..].Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", ",", StringComparison.Ordinal).TrimEnd(','));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Stop(process);
        string said;
        lock (errors)
        {
            said = errors.ToString();
        }

        throw new InvalidOperationException($"The peer did not report ready within 60 s: {Tail(said)}");
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            // The peer reads a read-only file: nothing to flush. The whole tree: a cluster's workers too.
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task<bool> LoadsSqliteAsync(string directory, CancellationToken cancellationToken) =>
        (await RunAsync("node", ["-e", "require('better-sqlite3')(':memory:').close()"], directory, null, TimeSpan.FromSeconds(30), cancellationToken)).Exit == 0;

    private static async Task<(int Exit, string Output)> RunAsync(
        string file, string[] arguments, string? directory, IReadOnlyDictionary<string, string>? environment, TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{file} did not finish within {limit.TotalMinutes:F0} min");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : "…" + text[^2000..].Trim();
}
