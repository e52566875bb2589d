using System.CommandLine;
using System.Globalization;
using KnowledgeGraph.Benchmarks.Corpus;
using KnowledgeGraph.Benchmarks.Load;
using KnowledgeGraph.Benchmarks.Server;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Benchmarks;

/// <summary>The benchmark's command line: <c>run</c>, <c>load</c>, <c>bundles</c> (and <c>serve</c>, used by <c>run</c>).</summary>
internal static class BenchProgram
{
    public const int DefaultStatements = 100_000;

    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("KnowledgeGraph benchmark: generates a synthetic corpus, loads it into SQLite, starts the real server and drives it over HTTP.")
        {
            RunCommand(args),
            LoadCommand(),
            BundlesCommand(),
            GraphQLCostCommand(),
            ServeCommand(),
            ImportRate.Create(StatementsOption("Corpus size in statements.", 100_000), SeedOption()),
        };
        return await root.Parse(args).InvokeAsync();
    }

    private static Option<int[]> StatementsOption(string description, int fallback) => new("--statements", "-n")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [fallback],
        CustomParser = result => result.Tokens
            .SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => checked((int)double.Parse(v.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture)))
            .ToArray(),
    };

    private static Option<int> SeedOption() => new("--seed") { Description = "Seed of the generator: the same seed and size give the same corpus.", DefaultValueFactory = _ => 42 };

    private static Option<int> ChunkOption() => new("--chunk")
    {
        Description = "Statements per import batch (one transaction each).",
        DefaultValueFactory = _ => CorpusLoader.DefaultChunkStatements,
    };

    private static Command RunCommand(string[] args)
    {
        var statements = StatementsOption("Corpus sizes in statements, comma-separated (e.g. 10000,1000000); each runs every workload.", DefaultStatements);
        var seed = SeedOption();
        var chunk = ChunkOption();
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Concurrent clients (closed loop).", DefaultValueFactory = _ => 32 };
        var warmup = new Option<double>("--warmup") { Description = "Warm-up seconds per workload (not measured).", DefaultValueFactory = _ => 3 };
        var duration = new Option<double>("--duration", "-d") { Description = "Measured seconds per workload.", DefaultValueFactory = _ => 10 };
        var maxRequests = new Option<int>("--max-requests") { Description = "At most this many requests per workload phase.", DefaultValueFactory = _ => 1_000_000 };
        var dataDir = new Option<string>("--data-dir") { Description = "Where generated databases are kept and reused.", DefaultValueFactory = _ => Path.Combine(".data", "bench") };
        var server = new Option<ServerMode>("--server") { Description = "Process: the server in a child process (its figures alone). InProcess: in this process.", DefaultValueFactory = _ => ServerMode.Process };
        var workloads = new Option<string[]>("--workloads", "-w")
        {
            Description = "Workloads to run (default all): " + string.Join(", ", BenchmarkRun.AllWorkloads) + ".",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [.. BenchmarkRun.AllWorkloads],
            CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
        };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the report (Markdown) to this file." };
        var command = new Command("run", "Run the benchmark and print a Markdown report (default size: 100,000 statements, about 2 minutes plus a one-off load).")
        {
            statements, seed, chunk, concurrency, warmup, duration, maxRequests, dataDir, server, workloads, markdown,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new BenchOptions(
                parse.GetValue(statements)!,
                parse.GetValue(seed),
                new LoadOptions(
                    parse.GetValue(concurrency),
                    TimeSpan.FromSeconds(parse.GetValue(warmup)),
                    TimeSpan.FromSeconds(parse.GetValue(duration)),
                    parse.GetValue(maxRequests)),
                parse.GetValue(dataDir)!,
                parse.GetValue(server),
                parse.GetValue(workloads)!,
                parse.GetValue(chunk));
            var unknown = options.Workloads.Except(BenchmarkRun.AllWorkloads, StringComparer.Ordinal)
                .Where(w => !w.StartsWith(Workloads.Traversal + "-", StringComparison.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                await Console.Error.WriteLineAsync($"Unknown workload(s): {string.Join(", ", unknown)}.");
                return 2;
            }

            var machine = MachineInfo.Read();
            var results = await BenchmarkRun.RunAsync(options, Console.Out, cancellationToken);
            var text = Report.Markdown(options, machine, "dotnet run -c Release --project bench/KnowledgeGraph.Benchmarks -- " + string.Join(' ', args), results);
            await Console.Out.WriteLineAsync();
            await Console.Out.WriteLineAsync(text);
            if (parse.GetValue(markdown) is { } file)
            {
                await File.WriteAllTextAsync(file, text, cancellationToken);
            }

            return 0;
        });
        return command;
    }

    private static Command LoadCommand()
    {
        var statements = StatementsOption("Corpus size in statements.", 1_000_000);
        var seed = SeedOption();
        var chunk = ChunkOption();
        var db = new Option<string>("--db") { Description = "The database file to create (replaced if it exists).", DefaultValueFactory = _ => Path.Combine(".data", "bench", "load.db") };
        var command = new Command("load", "Generate a corpus and load it into a new SQLite file through the real import path; report the time and peak memory.")
        {
            statements, seed, chunk, db,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(db)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            var size = parse.GetValue(statements)![0];
            var store = new SqliteGraphStore(path);
            var generator = new CorpusGenerator(new CorpusShape(size), parse.GetValue(seed));
            await Console.Out.WriteLineAsync($"Loading {size:N0} statements into {path} …");
            var report = await CorpusLoader.LoadAsync(generator, store, parse.GetValue(chunk), Console.Out, cancellationToken);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var c = generator.Counts;
            await Console.Out.WriteLineAsync(
                $"Loaded {c.Statements:N0} statements ({c.Articles:N0} articles, {c.Evidence:N0} evidence spans, {c.StatementAbout:N0} place links, "
                + $"{c.People:N0} people, {c.Organisations:N0} organisations, {c.Places:N0} places, {c.Negotiations:N0} negotiations) "
                + $"in {report.Elapsed.TotalSeconds:F1} s ({c.Statements / report.Elapsed.TotalSeconds:N0} statements/s) in {report.Batches} batches; "
                + $"peak working set {report.PeakWorkingSetBytes / 1_048_576.0:N0} MiB; database {CorpusLoader.DatabaseBytes(path) / 1_048_576.0:N0} MiB.");
            return 0;
        });
        return command;
    }

    private static Command BundlesCommand()
    {
        var statements = StatementsOption("Corpus size in statements.", 1_000);
        var seed = SeedOption();
        var chunk = ChunkOption();
        var output = new Option<string>("--out", "-o") { Description = "The folder to write bundles and article texts into.", Required = true };
        var command = new Command("bundles", "Write a generated corpus as import bundles (data/README.md), e.g. for KG_SEED__DIRECTORY; meant for small sizes.")
        {
            statements, seed, chunk, output,
        };
        command.SetAction(parse =>
        {
            var generator = new CorpusGenerator(new CorpusShape(parse.GetValue(statements)![0]), parse.GetValue(seed));
            var files = BundleWriter.WriteAll(generator.Batches(parse.GetValue(chunk)), parse.GetValue(output)!);
            Console.WriteLine($"Wrote {files.Count} bundles with {generator.Counts.Statements:N0} statements and {generator.Counts.Articles:N0} articles to {parse.GetValue(output)}.");
            return 0;
        });
        return command;
    }

    private static Command GraphQLCostCommand()
    {
        var db = new Option<string>("--db") { Description = "A database to start the host over (its schema is what is measured).", Required = true };
        var iterations = new Option<int>("--iterations") { Description = "Parses and validations per query.", DefaultValueFactory = _ => 20_000 };
        var command = new Command("graphql-cost", "Measure parsing and validating each workload's query against the real schema, on one thread.")
        {
            db, iterations,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var results = await GraphQLCost.MeasureAsync(Path.GetFullPath(parse.GetValue(db)!), parse.GetValue(iterations));
            await Console.Out.WriteLineAsync("| query | parse µs | validate µs |");
            await Console.Out.WriteLineAsync("|---|---:|---:|");
            foreach (var (workload, parseUs, validateUs) in results)
            {
                await Console.Out.WriteLineAsync($"| {workload} | {parseUs:F1} | {validateUs:F1} |");
            }

            return 0;
        });
        return command;
    }

    private static Command ServeCommand()
    {
        var db = new Option<string>("--db") { Description = "The database file to serve.", Required = true };
        var command = new Command("serve", "Start the benchmark host over a database and print its address; stops when standard input closes. Used by `run`.")
        {
            db,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var server = new BenchServer(Path.GetFullPath(parse.GetValue(db)!));
            var address = server.Start();
            await Console.Out.WriteLineAsync(ServerHandle.ReadyLine + address);
            await Console.Out.FlushAsync(cancellationToken);
            while (await Console.In.ReadLineAsync(cancellationToken) is not null)
            {
            }

            return 0;
        });
        return command;
    }
}
