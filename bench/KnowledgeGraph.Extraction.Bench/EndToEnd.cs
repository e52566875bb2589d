using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Api.Cli;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Bundles;
using KnowledgeGraph.Extraction.GeoNames;
using KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The time to extract and import one article end to end: the seed article's text alone (its
/// bundle never shown), into an empty SQLite file each run.
/// </summary>
internal static class EndToEnd
{
    public static async Task<int> RunAsync(int runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = Path.Combine(AppContext.BaseDirectory, "Gold", "seed", "000_7ec11662766b884c.txt");
        var work = Path.Combine(Path.GetTempPath(), "kg-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            // 1. The verb as a user runs it, in this process: host and store opened, gazetteer
            //    read, store entities read, extraction, import, summary. The first run also pays
            //    the JIT; the others show the steady cost of one `extract --import` call.
            var verb = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var db = Path.Combine(work, $"verb-{i}.db");
                using var output = new StringWriter();
                using var error = new StringWriter();
                var sw = Stopwatch.StartNew();
                var exit = await CommandLineVerbs.RunAsync(
                    ["extract", text, "--publisher", "Live Mint", "--published-at", "2025-06-08T12:00:00Z", "--import", $"--Sqlite:Path={db}", "--Seed:Enabled=false"],
                    new CliConsole(output, error, TextReader.Null, Interactive: false, work),
                    CancellationToken.None);
                sw.Stop();
                if (exit != 0)
                {
                    Console.Error.WriteLine(error.ToString());
                    return 1;
                }

                verb.Add(sw.Elapsed.TotalMilliseconds);
                if (i == 0)
                {
                    Console.WriteLine(error.ToString().Split('\n')[0]);
                }
            }

            // 2. The same work with the gazetteer already loaded (as in a running server, where
            //    importArticle reads it once per process): extraction, then the one write path.
            var gazetteer = GeoNamesGazetteer.Load();
            var article = new ArticleInput("seed", File.ReadAllText(text), "Live Mint", DateTimeOffset.Parse("2025-06-08T12:00:00Z", inv));
            var extractMs = new List<double>();
            var importMs = new List<double>();
            for (var i = 0; i < runs + 1; i++)
            {
                var db = Path.Combine(work, $"warm-{i}.db");
                var store = new SqliteGraphStore(db);
                await store.InitializeAsync(CancellationToken.None);
                var sw = Stopwatch.StartNew();
                var result = ArticleExtractor.Extract(article, KnownEntities.Empty, gazetteer);
                var json = DraftBundleJson.Write(result.Draft);
                var extracted = sw.Elapsed.TotalMilliseconds;
                var imported = await new DocumentImporter(store, store).ImportAsync("seed", json, _ => null, new ImportOptions(), CancellationToken.None);
                sw.Stop();
                if (!imported.Accepted)
                {
                    Console.Error.WriteLine(string.Join('\n', imported.Problems));
                    return 1;
                }

                if (i > 0)
                {
                    // The first pass warms the JIT.
                    extractMs.Add(extracted);
                    importMs.Add(sw.Elapsed.TotalMilliseconds - extracted);
                }

                if (i == 0)
                {
                    Console.WriteLine(string.Create(inv, $"seed article: {article.Text.Length} characters, {result.Statements.Count} statements, {imported.Changes.Count} records imported"));
                }
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Console.WriteLine(string.Create(inv, $"extract --import (verb, in process, gazetteer read each run), {runs} runs: first {verb[0]:0} ms, then median {Median(verb.Skip(1)):0} ms (min {verb.Skip(1).DefaultIfEmpty(verb[0]).Min():0}, max {verb.Skip(1).DefaultIfEmpty(verb[0]).Max():0})"));
            Console.WriteLine(string.Create(inv, $"gazetteer loaded once: extract median {Median(extractMs):0.0} ms + import median {Median(importMs):0.0} ms = {Median(extractMs.Zip(importMs, (a, b) => a + b)):0.0} ms per article ({runs} runs, each into an empty SQLite file)"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is cleaned eventually.
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
