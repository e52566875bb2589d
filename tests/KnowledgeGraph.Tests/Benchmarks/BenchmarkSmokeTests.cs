using System.Net.Http.Json;
using KnowledgeGraph.Benchmarks;
using KnowledgeGraph.Benchmarks.Corpus;
using KnowledgeGraph.Benchmarks.Load;
using KnowledgeGraph.Benchmarks.Server;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Benchmarks;

/// <summary>
/// The benchmark's generator and machinery at a tiny size: structural facts only, never timings.
/// The full benchmark is a command (bench/KnowledgeGraph.Benchmarks), not a test.
/// </summary>
public sealed class BenchmarkSmokeTests : IDisposable
{
    private const int Statements = 1_000;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kg-bench-smoke-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generated_corpus_passes_bundle_validation_and_the_store_holds_exactly_what_was_generated()
    {
        var generator = new CorpusGenerator(new CorpusShape(Statements), seed: 7);
        var bundles = Path.Combine(_directory, "bundles");
        var files = BundleWriter.WriteAll(generator.Batches(chunkStatements: 400), bundles);
        var store = new SqliteGraphStore(Path.Combine(_directory, "bundles.db"));
        await store.InitializeAsync(Cancel);
        var importer = new BundleImporter(store, store);

        // The importer rejects a bundle whole if any evidence span differs from its article text.
        foreach (var file in files)
        {
            await importer.ImportAsync(
                Path.GetFileName(file),
                await File.ReadAllTextAsync(file, Cancel),
                name => File.Exists(Path.Combine(bundles, name)) ? File.ReadAllText(Path.Combine(bundles, name)) : null,
                Cancel);
        }

        var counts = generator.Counts;
        Assert.Equal(4, files.Count); // the reference records, then 1,000 statements in batches of 400
        Assert.Equal(Statements, counts.Statements);
        Assert.Equal(counts.Statements, await CountAsync<Statement>(store));
        Assert.Equal(counts.Articles, await CountAsync<Article>(store));
        Assert.Equal(counts.Places, await CountAsync<Place>(store));
        Assert.Equal(counts.People, await CountAsync<Person>(store));
        Assert.Equal(counts.Organisations, await CountAsync<Organisation>(store));
        Assert.Equal(counts.Negotiations, await CountAsync<Negotiation>(store));

        var path = store.FilePath;
        Assert.Equal(counts.Evidence, Scalar(path, "SELECT count(*) FROM evidence"));
        Assert.Equal(counts.StatementAbout, Scalar(path, "SELECT count(*) FROM statement_about"));
        Assert.Equal(counts.Affiliations, Scalar(path, "SELECT count(*) FROM affiliation"));
        Assert.Equal(counts.Responses, Scalar(path, "SELECT count(*) FROM statement WHERE responds_to IS NOT NULL"));
        Assert.Equal(counts.NegotiationParties, Scalar(path, "SELECT count(*) FROM negotiation_party"));
        Assert.Equal(counts.NegotiationRounds, Scalar(path, "SELECT count(*) FROM negotiation_round"));
        Assert.True(counts.Evidence > counts.Statements, "some statements are carried by two articles");
    }

    [Fact]
    public void The_same_seed_and_size_generate_the_same_corpus()
    {
        static string Bundles(int seed) => string.Concat(
            new CorpusGenerator(new CorpusShape(300), seed).Batches(100).Select(b => BundleWriter.ToBundle(b, (_, _) => { })));

        Assert.Equal(Bundles(3), Bundles(3));
        Assert.NotEqual(Bundles(3), Bundles(4));
    }

    [Fact]
    public async Task Traversal_makes_the_same_round_trips_at_5_and_50_parents_through_the_real_server()
    {
        var generator = new CorpusGenerator(new CorpusShape(Statements), seed: 7);
        var database = Path.Combine(_directory, "chunks.db");
        var report = await CorpusLoader.LoadAsync(generator, new SqliteGraphStore(database), chunkStatements: 500, progress: null, Cancel);
        Assert.Equal(3, report.Batches);

        await using var server = await ServerHandle.StartAsync(ServerMode.InProcess, database, Cancel);
        using var client = LoadRunner.CreateClient(server.BaseAddress, concurrency: 2);
        var runner = new LoadRunner(client);
        var load = new LoadOptions(Concurrency: 2, Warmup: TimeSpan.Zero, Duration: TimeSpan.FromSeconds(10), MaxRequests: 4);

        var five = await BenchmarkRun.RunWorkloadAsync(runner, Workloads.Traverse(5), load, Cancel);
        var fifty = await BenchmarkRun.RunWorkloadAsync(runner, Workloads.Traverse(50), load, Cancel);

        Assert.Equal((4, 0), (five.Requests, five.Errors));
        Assert.Equal((4, 0), (fifty.Requests, fifty.Errors));
        Assert.Equal(five.MinRoundTrips, five.MaxRoundTrips);
        Assert.Equal(fifty.MinRoundTrips, fifty.MaxRoundTrips);

        // Regions, their countries, their towns, the towns' statements, person and organisation speakers.
        Assert.Equal(6, five.MinRoundTrips);
        Assert.Equal(five.MinRoundTrips, fifty.MinRoundTrips);

        // The other workloads answer cleanly at this size too, statementStats among them.
        foreach (var workload in new[] { Workloads.BareLookup(generator), Workloads.Point(generator), Workloads.WhoSaid(generator) })
        {
            Assert.NotNull(await BenchmarkRun.CheckAsync(runner, workload, 3, Cancel));
        }

        Assert.Null(await BenchmarkRun.ProbeStatementStatsAsync(runner, Cancel));
        Assert.Equal(2, await BenchmarkRun.CheckAsync(runner, Workloads.Stats(), 0, Cancel));

        // The server's counters include its collections and the time paused for them: a
        // collection between two readings shows in both.
        var before = await client.GetFromJsonAsync<ServerStats>(BenchEndpoints.StatsPath, Cancel);
        GC.Collect();
        var after = await client.GetFromJsonAsync<ServerStats>(BenchEndpoints.StatsPath, Cancel);
        Assert.True(after!.Gen0Collections > before!.Gen0Collections, $"gen0 collections {before.Gen0Collections} then {after.Gen0Collections}");
        Assert.True(after.Gen2Collections > before.Gen2Collections, $"gen2 collections {before.Gen2Collections} then {after.Gen2Collections}");
        Assert.True(after.GcPauseMilliseconds > before.GcPauseMilliseconds, $"paused {before.GcPauseMilliseconds} ms then {after.GcPauseMilliseconds} ms");
    }

    [Fact]
    public void Pooled_runs_add_up_their_collections_and_pauses_and_the_pause_is_a_share_of_the_measured_time()
    {
        var pooled = LoadResult.Pool([Run(1_000, 4, 10, 1, 100, clientCpuMs: 0.2), Run(3_000, 6, 20, 0, 150, clientCpuMs: 0.4)]);

        Assert.Equal((30, 1, 0), (pooled.Gen0Collections, pooled.Gen1Collections, pooled.Gen2Collections));
        Assert.Equal(250, pooled.GcPauseMs);
        Assert.Equal(0.025, pooled.GcPauseShare, precision: 12);
        Assert.Equal(0.025, Run(1_000, 4, 10, 1, 100, clientCpuMs: 0.2).GcPauseShare, precision: 12);

        // The load generator's CPU per request is weighted by requests, as the server's is.
        Assert.Equal(0.35, pooled.ClientCpuMsPerRequest, precision: 12);
    }

    [Theory]
    [InlineData(false, "| 0.900 | 0.400 | 0.350 | 0 |")]
    [InlineData(true, "| 0.900 | 0.400 | – | 0 |")]
    public void The_report_gives_the_load_generators_CPU_only_when_the_server_ran_in_a_process_of_its_own(bool serverInProcess, string rowEnd)
    {
        var server = serverInProcess ? ServerMode.InProcess : ServerMode.Process;
        var load = new LoadReport(1_000, 7, 500, 2, TimeSpan.FromSeconds(1), 1 << 20, 1 << 20, new CorpusCounts());
        var size = new SizeResult(1_000, load, LoadReused: true, server, [Run(1_000, 4, 10, 1, 100, clientCpuMs: 0.35)], StatementStatsUnavailable: null);
        var options = new BenchOptions([1_000], 7, new LoadOptions(32, TimeSpan.Zero, TimeSpan.FromSeconds(4), 1_000), _directory, server, [Workloads.WhoSaidWhat], 500);
        var machine = new MachineInfo(2, "test CPU", "1 GiB", "test OS", "0", "0");

        var row = Report.Markdown(options, machine, "run", [size]).Split('\n').Single(line => line.StartsWith("| who-said-what |", StringComparison.Ordinal));

        Assert.EndsWith(rowEnd, row.TrimEnd('\r'), StringComparison.Ordinal);
    }

    private static LoadResult Run(int requests, double seconds, int gen0, int gen1, double pausedMs, double clientCpuMs) =>
        new(Workloads.WhoSaidWhat, 32, requests, 0, seconds, requests / seconds, 1, 2, 3, 4, 6, 6, 6, 1024, 0.9, 0.4, 6, gen0, gen1, 0, 1, 3, null)
        {
            GcPauseMs = pausedMs,
            ClientCpuMsPerRequest = clientCpuMs,
        };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still open on this platform; the OS temp folder is cleaned eventually.
        }
    }

    private static async Task<long> CountAsync<T>(IGraphStore store)
        where T : Node =>
        (await store.ListAsync<T>(null, [], PageRequest.FirstItems(1, includeTotalCount: true), Cancel)).TotalCount!.Value;

    private static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
