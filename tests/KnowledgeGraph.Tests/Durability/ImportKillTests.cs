using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Durability;

/// <summary>
/// The import verb, run as a child process (<c>dotnet KnowledgeGraph.Api.dll import …</c>) on a
/// set of generated bundles, killed with SIGKILL at 20 points (KG_DURABILITY_POINTS raises the
/// count) spread over its progress and over time inside a document's transaction: each time the
/// database opens, passes <c>PRAGMA integrity_check</c>, and holds every document entirely or
/// not at all. Each run is given the documents not yet in the store but the last, so the kills
/// walk through the set; a last run, not killed, imports the rest, the last document always
/// among it.
/// </summary>
public sealed class ImportKillTests
{
    private const int StatementsPerDocument = 80;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static int Points => Environment.GetEnvironmentVariable("KG_DURABILITY_POINTS") is { Length: > 0 } text && int.TryParse(text, out var n) && n > 0 ? n : 20;

    [Fact]
    public async Task Killed_at_any_point_an_import_leaves_a_sound_database_with_each_document_whole_or_absent()
    {
        var directory = Path.Combine(Path.GetTempPath(), "kg-kill-" + Guid.NewGuid().ToString("N"));
        var database = Path.Combine(directory, "kill.db");
        try
        {
            var bundles = FictionalBundles.Write(Path.Combine(directory, "bundles"), documents: Points * 4, StatementsPerDocument);

            // The last document is kept for the run that is not killed, so that there always is one.
            var keptForLast = bundles.Documents[^1];
            var killedWith = new List<string>();
            for (var point = 0; point < Points; point++)
            {
                var remaining = (await AbsentAsync(database, bundles)).Where(d => d != keptForLast).ToList();
                if (remaining.Count == 0)
                {
                    // A fast import can land the whole set before the last kill: nothing is left to interrupt.
                    killedWith.Add($"point {point}: every document but the last had landed");
                    break;
                }

                // Progress: after 0, 1 or 2 documents of this run have landed; time: 0 to 190 ms
                // later, inside the next document's transaction or between two.
                var afterLanded = point % 3;
                var delay = TimeSpan.FromMilliseconds(point * 37 % 200);
                var (landed, exited) = await RunAndKillAsync(database, remaining.Select(d => d.File), afterLanded, delay);
                killedWith.Add($"point {point}: after {landed} landed + {delay.TotalMilliseconds} ms{(exited ? " (had already exited)" : string.Empty)}");

                await AssertSoundAsync(database, bundles, killedWith);
            }

            // The database the kills left behind takes the rest of the set.
            var rest = await AbsentAsync(database, bundles);
            Assert.Contains(keptForLast, rest);
            var (exit, output) = await RunToEndAsync(database, rest.Select(d => d.File));
            Assert.True(exit == 0, output);
            var counts = await AssertSoundAsync(database, bundles, killedWith);
            Assert.All(bundles.Documents, d => Assert.Equal(d.Statements.Count, counts[d.Article]));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private static ProcessStartInfo Import(string database, IEnumerable<string> files)
    {
        var dll = Environment.GetEnvironmentVariable("KG_TEST_API_DLL") is { Length: > 0 } other
            ? other
            : Path.Combine(AppContext.BaseDirectory, "KnowledgeGraph.Api.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("import");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        start.ArgumentList.Add($"--Sqlite:Path={database}");
        start.ArgumentList.Add("--Seed:Enabled=false");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    /// <summary>Starts an import and kills it (SIGKILL) <paramref name="delay"/> after it reports <paramref name="afterLanded"/> documents landed.</summary>
    private static async Task<(int Landed, bool Exited)> RunAndKillAsync(string database, IEnumerable<string> files, int afterLanded, TimeSpan delay)
    {
        using var process = Process.Start(Import(database, files)) ?? throw new InvalidOperationException("dotnet did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var landed = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (landed < afterLanded && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(": landed", StringComparison.Ordinal))
            {
                landed++;
            }
        }

        _ = DrainAsync(process.StandardOutput);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, Cancel);
        }

        var exited = process.HasExited;
        if (!exited)
        {
            process.Kill(); // SIGKILL on Linux and macOS: no handler, no flush, no cleanup.
        }

        await process.WaitForExitAsync(Cancel);
        return (landed, exited);
    }

    private static async Task<(int Exit, string Output)> RunToEndAsync(string database, IEnumerable<string> files)
    {
        using var process = Process.Start(Import(database, files)) ?? throw new InvalidOperationException("dotnet did not start.");
        var error = process.StandardError.ReadToEndAsync(Cancel);
        var output = await process.StandardOutput.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        return (process.ExitCode, output + await error);
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is not null)
            {
            }
        }
        catch (IOException)
        {
            // The process was killed mid-line.
        }
        catch (ObjectDisposedException)
        {
            // The process object is gone.
        }
    }

    /// <summary>The documents of which the store holds nothing.</summary>
    private static async Task<List<FictionalBundles.Document>> AbsentAsync(string database, FictionalBundles bundles)
    {
        if (!File.Exists(database))
        {
            return [.. bundles.Documents];
        }

        var counts = await CountAsync(database, bundles);
        return bundles.Documents.Where(d => counts[d.Article] == 0).ToList();
    }

    /// <summary>Opens the database, checks its integrity and that each document is whole or absent; the statements per article.</summary>
    private static async Task<Dictionary<string, int>> AssertSoundAsync(string database, FictionalBundles bundles, List<string> history)
    {
        var context = string.Join("; ", history);
        if (!File.Exists(database))
        {
            // Killed before the file was created: nothing to open, nothing written.
            return bundles.Documents.ToDictionary(d => d.Article, _ => 0);
        }

        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Cancel);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.True("ok" == (string?)await check.ExecuteScalarAsync(Cancel), context);
        }

        return await CountAsync(database, bundles, context);
    }

    private static async Task<Dictionary<string, int>> CountAsync(string database, FictionalBundles bundles, string? context = null)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(Cancel);
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('article', 'statement', 'evidence', 'statement_about', 'person', 'place')";
        var result = bundles.Documents.ToDictionary(d => d.Article, _ => 0);
        if (Convert.ToInt64(await tables.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture) < 6)
        {
            // Killed while the schema was being created: no document can be there.
            return result;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT
              (SELECT count(*) FROM article WHERE key = @article),
              (SELECT count(*) FROM statement WHERE key IN (SELECT value FROM json_each(@statements))),
              (SELECT count(*) FROM evidence WHERE article = @article),
              (SELECT count(*) FROM statement_about WHERE statement IN (SELECT value FROM json_each(@statements))),
              (SELECT count(*) FROM person WHERE key IN (SELECT value FROM json_each(@people))),
              (SELECT count(*) FROM place WHERE key IN (SELECT value FROM json_each(@places)))
            """;
        var article = command.Parameters.Add("@article", SqliteType.Text);
        var statements = command.Parameters.Add("@statements", SqliteType.Text);
        var people = command.Parameters.Add("@people", SqliteType.Text);
        var places = command.Parameters.Add("@places", SqliteType.Text);
        foreach (var document in bundles.Documents)
        {
            article.Value = document.Article;
            statements.Value = JsonSerializer.Serialize(document.Statements);
            people.Value = JsonSerializer.Serialize(document.People);
            places.Value = JsonSerializer.Serialize(document.Places);
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            await reader.ReadAsync(Cancel);
            var found = Enumerable.Range(0, 6).Select(reader.GetInt64).ToArray();
            var n = document.Statements.Count;
            long[] whole = [1, n, n, n, document.People.Count, document.Places.Count];
            if (context is not null)
            {
                Assert.True(
                    found.SequenceEqual(whole) || found.All(c => c == 0),
                    $"{Path.GetFileName(document.File)} is partly there: article, statements, evidence, about, people, places = [{string.Join(", ", found)}] of [{string.Join(", ", whole)}]. {context}");
            }

            result[document.Article] = (int)found[1];
        }

        return result;
    }
}
