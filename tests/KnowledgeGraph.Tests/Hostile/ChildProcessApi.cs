using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KnowledgeGraph.Tests.Hostile;

/// <summary>
/// The built API (<c>dotnet KnowledgeGraph.Api.dll</c>) as a child process on 127.0.0.1 and a
/// free port, with a SQLite file of its own: a request that could kill a process kills this
/// one, never the test host, and the test sees it die.
/// </summary>
public sealed class ChildProcessApi : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcessApi(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>The lines the process has written so far, standard output and error together.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    public static async Task<ChildProcessApi> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        // KG_TEST_API_DLL points these tests at another build of the API (to see them fail on an older one).
        var dll = Environment.GetEnvironmentVariable("KG_TEST_API_DLL") is { Length: > 0 } other
            ? other
            : Path.Combine(AppContext.BaseDirectory, "KnowledgeGraph.Api.dll");
        var directory = Path.Combine(Path.GetTempPath(), "kg-child-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["KG_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["KG_SQLITE__PATH"] = Path.Combine(directory, "knowledge-graph.db");
        start.Environment["KG_IDE__ENABLED"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // An in-process host of these tests may have set .NET's inline socket switch in this
        // process's environment; the child decides for itself, as a server started from a shell.
        start.Environment.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var api = new ChildProcessApi(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, line) => api.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => api.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                await api.DisposeAsync();
                throw new InvalidOperationException($"The API exited with {process.ExitCode} before it was ready.");
            }

            try
            {
                using var ready = await api.Http.GetAsync("health/ready", TestContext.Current.CancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                await api.DisposeAsync();
                throw new TimeoutException("The API did not become ready within 60 s.");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Sends SIGTERM (what a container stop sends) and waits for the exit, at most <paramref name="wait"/>.</summary>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan wait)
    {
        var started = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return started.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
