using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace KnowledgeGraph.Tests.Protocol;

/// <summary>Runs node and npm for the tests that drive JavaScript tools; says why when they are absent.</summary>
internal static class NodeTool
{
    /// <summary>This source folder (where the node scripts and their package.json live).</summary>
    public static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>Null when node and npm both run, else the reason they cannot.</summary>
    public static async Task<string?> MissingAsync()
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            try
            {
                var result = await RunAsync(tool, ["--version"], Directory.GetCurrentDirectory(), TimeSpan.FromSeconds(30));
                if (result.ExitCode != 0)
                {
                    return $"'{tool} --version' exited with {result.ExitCode}: {result.Error.Trim()}";
                }
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                return $"'{tool}' is not installed ({e.Message}); install Node.js 18+ with npm to run this test.";
            }
        }

        return null;
    }

    /// <summary>Installs a script folder's locked dependencies with npm ci, once (when node_modules is missing).</summary>
    public static async Task<string?> EnsureInstalledAsync(string directory)
    {
        if (Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            return null;
        }

        var result = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], directory, TimeSpan.FromMinutes(3));
        return result.ExitCode == 0 ? null : $"'npm ci' in {directory} failed ({result.ExitCode}): {result.Error.Trim()}";
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, IEnumerable<string> arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {string.Join(' ', arguments)}' did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
