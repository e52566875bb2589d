using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using KnowledgeGraph.Api.Hosting;

namespace KnowledgeGraph.Benchmarks.Server;

/// <summary>Where the server under test runs: in this process, or in a child process of its own.</summary>
internal enum ServerMode
{
    /// <summary>A child process (the default): allocation and CPU figures are the server's alone.</summary>
    Process,

    /// <summary>This process: quicker to start, but the load generator's allocations count too.</summary>
    InProcess,
}

/// <summary>A running benchmark server.</summary>
internal abstract class ServerHandle : IAsyncDisposable
{
    public const string ReadyLine = "KG-BENCH-READY ";

    public abstract Uri BaseAddress { get; }

    public abstract ServerMode Mode { get; }

    /// <summary>The process the server runs in (this one for <see cref="ServerMode.InProcess"/>), for <c>/proc</c> readings.</summary>
    public abstract int ProcessId { get; }

    public static Task<ServerHandle> StartAsync(ServerMode mode, string databasePath, CancellationToken cancellationToken) =>
        StartAsync(mode, databasePath, timeStoreCalls: true, cancellationToken);

    /// <param name="mode">Where the server runs.</param>
    /// <param name="databasePath">The SQLite file it serves.</param>
    /// <param name="timeStoreCalls">Wrap the store port to time each call (off for profiling: the wrapper's clock reads would show in the profile).</param>
    /// <param name="cancellationToken">Stops waiting for it to start.</param>
    public static async Task<ServerHandle> StartAsync(ServerMode mode, string databasePath, bool timeStoreCalls, CancellationToken cancellationToken) =>
        mode == ServerMode.InProcess
            ? new InProcessServer(databasePath, timeStoreCalls)
            : await ChildProcessServer.StartAsync(databasePath, timeStoreCalls, cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// Gives a server in a child process the gen0 budget the API ships with
    /// (<see cref="GarbageCollection"/>), unless the environment it inherits from this run sets
    /// one (<c>0</c>, the runtime's own budget, included).
    /// </summary>
    internal static void ApplyGen0Budget(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.ContainsKey(GarbageCollection.Gen0SizeVariable) && !environment.ContainsKey(GarbageCollection.LegacyGen0SizeVariable))
        {
            environment[GarbageCollection.Gen0SizeVariable] = GarbageCollection.RecommendedGen0Size;
        }
    }

    /// <summary>The gen0 budget a child process with this environment runs with, and the setting that gives it, for reports.</summary>
    internal static string DescribeGen0Budget(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var name = environment.ContainsKey(GarbageCollection.Gen0SizeVariable) ? GarbageCollection.Gen0SizeVariable : GarbageCollection.LegacyGen0SizeVariable;
        var setting = environment.TryGetValue(name, out var value) ? $"{name}={value}" : $"{name} unset";
        return GarbageCollection.Gen0Budget(key => environment.TryGetValue(key, out var found) ? found : null) is { } bytes
            ? string.Create(CultureInfo.InvariantCulture, $"a gen0 budget of {bytes / 1_048_576.0:0.#} MiB (`{setting}`)")
            : $"the runtime's own gen0 budget (`{setting}`)";
    }

    /// <summary>The gen0 budget this run's servers in child processes run with, for reports.</summary>
    public static string ChildGen0Budget()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in new[] { GarbageCollection.Gen0SizeVariable, GarbageCollection.LegacyGen0SizeVariable })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        ApplyGen0Budget(environment);
        return DescribeGen0Budget(environment);
    }

    private sealed class InProcessServer : ServerHandle
    {
        private readonly BenchServer _server;

        public InProcessServer(string databasePath, bool timeStoreCalls)
        {
            _server = new BenchServer(databasePath, timeStoreCalls);
            BaseAddress = _server.Start();
        }

        public override Uri BaseAddress { get; }

        public override ServerMode Mode => ServerMode.InProcess;

        public override int ProcessId => Environment.ProcessId;

        public override async ValueTask DisposeAsync() => await _server.DisposeAsync();
    }

    /// <summary>This program's <c>serve</c> command in a child process; it stops when its standard input closes.</summary>
    private sealed class ChildProcessServer(Process process, Uri baseAddress) : ServerHandle
    {
        public override Uri BaseAddress { get; } = baseAddress;

        public override ServerMode Mode => ServerMode.Process;

        public override int ProcessId => process.Id;

        public static async Task<ServerHandle> StartAsync(string databasePath, bool timeStoreCalls, CancellationToken cancellationToken)
        {
            var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal))
            {
                start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            }

            ApplyGen0Budget(start.Environment);

            start.ArgumentList.Add("serve");
            start.ArgumentList.Add("--db");
            start.ArgumentList.Add(databasePath);
            if (!timeStoreCalls)
            {
                start.ArgumentList.Add("--time-store-calls");
                start.ArgumentList.Add("false");
            }
            var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                {
                    if (line.StartsWith(ReadyLine, StringComparison.Ordinal))
                    {
                        // Keep draining its output so that a chatty server never blocks on a full pipe.
                        _ = Task.Run(async () =>
                        {
                            while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } rest)
                            {
                                await Console.Error.WriteLineAsync("[server] " + rest);
                            }
                        }, CancellationToken.None);
                        return new ChildProcessServer(process, new Uri(line[ReadyLine.Length..]));
                    }

                    await Console.Error.WriteLineAsync("[server] " + line);
                }
            }
            catch (OperationCanceledException)
            {
            }

            process.Kill();
            process.Dispose();
            throw new InvalidOperationException("The server process did not report ready within 60 s.");
        }

        public override async ValueTask DisposeAsync()
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }

            process.Dispose();
        }
    }
}
