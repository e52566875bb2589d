using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Benchmarks.Corpus;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// <c>import-rate</c>: writes a generated corpus as bundle files, then times the real import verb
/// (<c>dotnet KnowledgeGraph.Api.dll import FOLDER</c>, a child process on a new SQLite file) from
/// start to exit, sampling the child's peak working set (VmHWM) while it runs.
/// </summary>
internal static class ImportRate
{
    public static Command Create(Option<int[]> statements, Option<int> seed)
    {
        var chunk = new Option<int>("--chunk") { Description = "Statements per bundle file (one document, one transaction each).", DefaultValueFactory = _ => 100 };
        var dataDir = new Option<string>("--data-dir") { Description = "Where the bundles and the database are written (replaced).", DefaultValueFactory = _ => Path.Combine(".data", "bench", "import-rate") };
        var command = new Command("import-rate", "Measure the import verb: documents/s, statements/s and peak memory for a generated corpus.")
        {
            statements, seed, chunk, dataDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(statements)![0];
            var directory = Path.GetFullPath(parse.GetValue(dataDir)!);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            var bundles = Path.Combine(directory, "bundles");
            var generator = new CorpusGenerator(new CorpusShape(size), parse.GetValue(seed));
            var files = BundleWriter.WriteAll(generator.Batches(parse.GetValue(chunk)), bundles);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {files.Count} bundles with {generator.Counts.Statements} statements to {bundles}."));

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KnowledgeGraph.Api.dll"));
            start.ArgumentList.Add("import");
            start.ArgumentList.Add(bundles);
            start.ArgumentList.Add("--Sqlite:Path=" + Path.Combine(directory, "import.db"));
            start.ArgumentList.Add("--Seed:Enabled=false");
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            long peak = 0;
            while (!process.HasExited)
            {
                peak = Math.Max(peak, PeakWorkingSet(process));
                await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(100, cancellationToken));
            }

            clock.Stop();
            var tail = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(9);
            foreach (var line in tail)
            {
                Console.WriteLine(line);
            }

            if (process.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync(await error);
                return process.ExitCode;
            }

            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| statements | documents | seconds | documents/s | statements/s | peak working set |\n|---:|---:|---:|---:|---:|---:|\n| {generator.Counts.Statements:N0} | {files.Count:N0} | {seconds:F1} | {files.Count / seconds:F1} | {generator.Counts.Statements / seconds:F0} | {peak / (1024.0 * 1024.0):F0} MiB |"));
            return 0;
        });
        return command;
    }

    // VmHWM of /proc/PID/status (Linux): the peak resident set so far; elsewhere, the runtime's figure.
    private static long PeakWorkingSet(Process process)
    {
        try
        {
            var status = $"/proc/{process.Id}/status";
            if (File.Exists(status))
            {
                var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }

            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return 0; // The process has just exited.
        }
    }
}
