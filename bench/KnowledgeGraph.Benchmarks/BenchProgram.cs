using System.CommandLine;
using System.Globalization;
using KnowledgeGraph.Benchmarks.Corpus;
using KnowledgeGraph.Benchmarks.Load;
using KnowledgeGraph.Benchmarks.Profile;
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
            ProfileCommand(args),
            SoakCommand(args),
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
        var peer = new Option<bool>("--peer")
        {
            Description = "Run the Node.js peer (bench/peer) beside the API on the same database, for the workloads it serves; `--peer false` leaves it out. Skipped, with the reason, where Node.js or npm is absent.",
            DefaultValueFactory = _ => true,
        };
        var peerWorkers = new Option<int>("--peer-workers") { Description = "Peer processes behind one port (node:cluster); 1 is one Node process, as usually deployed.", DefaultValueFactory = _ => 1 };
        var rounds = new Option<int>("--rounds") { Description = "With the peer: measured runs per server per workload, alternating API, peer, peer, API, ….", DefaultValueFactory = _ => 2 };
        var samples = new Option<int>("--peer-samples") { Description = "With the peer: requests per workload whose `data` must be identical on both before measuring.", DefaultValueFactory = _ => 20 };
        var peerDir = new Option<string?>("--peer-dir") { Description = "The peer's folder (default: bench/peer above the current folder)." };
        var serverWarmup = new Option<double>("--server-warmup")
        {
            Description = "Seconds each server (the API, the peer) is first loaded with the chosen workloads in turn, unmeasured, so that the runtime has compiled its hot code before any workload is measured.",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("run", "Run the benchmark and print a Markdown report (default size: 100,000 statements; about 6 minutes with the peer, plus a one-off load and the peer's one-off npm ci).")
        {
            statements, seed, chunk, concurrency, warmup, duration, maxRequests, dataDir, server, workloads, markdown, peer, peerWorkers, rounds, samples, peerDir, serverWarmup,
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
                parse.GetValue(chunk))
            {
                Peer = new PeerOptions(
                    parse.GetValue(peer),
                    Math.Max(1, parse.GetValue(peerWorkers)),
                    Math.Max(1, parse.GetValue(rounds)),
                    Math.Max(1, parse.GetValue(samples)),
                    parse.GetValue(peerDir)),
                ServerWarmup = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(serverWarmup))),
            };
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

    private static Command ProfileCommand(string[] args)
    {
        var statements = StatementsOption("Corpus size in statements.", DefaultStatements);
        var seed = SeedOption();
        var chunk = ChunkOption();
        var dataDir = new Option<string>("--data-dir") { Description = "Where generated databases are kept and reused.", DefaultValueFactory = _ => Path.Combine(".data", "bench") };
        var workloads = new Option<string[]>("--workloads", "-w")
        {
            Description = "Workloads to profile, one after the other.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [Workloads.PointLookup, Workloads.WhoSaidWhat],
            CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
        };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Concurrent clients (closed loop).", DefaultValueFactory = _ => 32 };
        var warmup = new Option<double>("--warmup") { Description = "Warm-up seconds per workload, before the session opens.", DefaultValueFactory = _ => 5 };
        var duration = new Option<double>("--duration", "-d") { Description = "Traced seconds per workload.", DefaultValueFactory = _ => 10 };
        var top = new Option<int>("--top") { Description = "Methods listed by self and by inclusive time.", DefaultValueFactory = _ => 25 };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the breakdown (Markdown) to this file." };
        var traces = new Option<string>("--trace-dir") { Description = "Where the .nettrace files are kept (open them in PerfView or speedscope for more).", DefaultValueFactory = _ => Path.Combine(".data", "bench", "traces") };
        var command = new Command("profile", "Drive each workload against the real server in a child process while an EventPipe session samples it; print where its CPU goes (by component, assembly and method).")
        {
            statements, seed, chunk, dataDir, workloads, concurrency, warmup, duration, top, output, traces,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(statements)![0];
            var (path, _, _) = await CorpusLoader.EnsureDatabaseAsync(parse.GetValue(dataDir)!, size, parse.GetValue(seed), parse.GetValue(chunk), Console.Out, cancellationToken);
            var corpus = new CorpusGenerator(new CorpusShape(size), parse.GetValue(seed));
            await using var server = await ServerHandle.StartAsync(ServerMode.Process, path, timeStoreCalls: false, cancellationToken);
            using var client = LoadRunner.CreateClient(server.BaseAddress, parse.GetValue(concurrency));
            var runner = new LoadRunner(client);
            var load = new LoadOptions(parse.GetValue(concurrency), TimeSpan.FromSeconds(parse.GetValue(warmup)), TimeSpan.FromSeconds(parse.GetValue(duration)), 1_000_000);
            var traceDir = Directory.CreateDirectory(parse.GetValue(traces)!).FullName;
            var report = new System.Text.StringBuilder();
            report.AppendLine("```").AppendLine("dotnet run -c Release --project bench/KnowledgeGraph.Benchmarks -- " + string.Join(' ', args)).AppendLine("```").AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"{size:N0} statements, server (pid {server.ProcessId}) in a child process, {load.Concurrency} clients, {load.Warmup.TotalSeconds:F0} s warm-up untraced, {load.Duration.TotalSeconds:F0} s traced.").AppendLine();
            foreach (var name in parse.GetValue(workloads)!)
            {
                var trace = Path.Combine(traceDir, $"{name}-{size}.nettrace");
                await Console.Out.WriteLineAsync($"Profiling {name} ({trace}) …");
                var text = await CpuProfile.RunAsync(runner, BenchmarkRun.Create(name, corpus), server.ProcessId, load, parse.GetValue(top), trace, cancellationToken);
                report.AppendLine(text);
            }

            await Console.Out.WriteLineAsync(report.ToString());
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, report.ToString(), cancellationToken);
            }

            return 0;
        });
        return command;
    }

    private static Command SoakCommand(string[] args)
    {
        var statements = StatementsOption("Corpus size in statements.", 1_000_000);
        var seed = SeedOption();
        var chunk = ChunkOption();
        var dataDir = new Option<string>("--data-dir") { Description = "Where generated databases are kept and reused.", DefaultValueFactory = _ => Path.Combine(".data", "bench") };
        var workload = new Option<string>("--workload", "-w") { Description = "The workload to sustain.", DefaultValueFactory = _ => Workloads.WhoSaidWhat };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Concurrent clients (closed loop).", DefaultValueFactory = _ => 32 };
        var seconds = new Option<double>("--seconds", "-d") { Description = "How long the load runs.", DefaultValueFactory = _ => 300 };
        var every = new Option<double>("--every") { Description = "Seconds between two readings of the server's working set.", DefaultValueFactory = _ => 5 };
        var settle = new Option<double>("--settle") { Description = "Seconds at the start left out of the slope (at most a third of the run): caches and pools filling.", DefaultValueFactory = _ => 60 };
        var maxRequests = new Option<int>("--max-requests") { Description = "At most this many requests (the run ends earlier when reached).", DefaultValueFactory = _ => 5_000_000 };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the summary (Markdown) to this file." };
        var command = new Command("soak", "Sustain one workload against the real server in a child process (default: who-said-what at 10^6 statements for 300 s) and report its peak working set and the slope of its working set (MiB/min, least squares).")
        {
            statements, seed, chunk, dataDir, workload, concurrency, seconds, every, settle, maxRequests, markdown,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(statements)![0];
            var (path, _, _) = await CorpusLoader.EnsureDatabaseAsync(parse.GetValue(dataDir)!, size, parse.GetValue(seed), parse.GetValue(chunk), Console.Out, cancellationToken);
            var corpus = new CorpusGenerator(new CorpusShape(size), parse.GetValue(seed));
            await using var server = await ServerHandle.StartAsync(ServerMode.Process, path, cancellationToken);
            using var client = LoadRunner.CreateClient(server.BaseAddress, parse.GetValue(concurrency));
            var runner = new LoadRunner(client);
            var name = parse.GetValue(workload)!;
            var load = new LoadOptions(parse.GetValue(concurrency), TimeSpan.Zero, TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(maxRequests));
            await Console.Out.WriteLineAsync($"Soak: {name} for {load.Duration.TotalSeconds:F0} s, {load.Concurrency} clients, server pid {server.ProcessId} over {size:N0} statements.");
            var soak = await MemorySoak.RunAsync(
                runner, BenchmarkRun.Create(name, corpus), server.ProcessId, load,
                TimeSpan.FromSeconds(parse.GetValue(every)), TimeSpan.FromSeconds(parse.GetValue(settle)), Console.Out, cancellationToken);
            var text = "```\ndotnet run -c Release --project bench/KnowledgeGraph.Benchmarks -- " + string.Join(' ', args) + "\n```\n\n" + MemorySoak.Markdown(soak, name, size);
            await Console.Out.WriteLineAsync();
            await Console.Out.WriteLineAsync(text);
            if (parse.GetValue(markdown) is { } file)
            {
                await File.WriteAllTextAsync(file, text, cancellationToken);
            }

            return soak.Load.Errors == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command ServeCommand()
    {
        var db = new Option<string>("--db") { Description = "The database file to serve.", Required = true };
        var timeStoreCalls = new Option<bool>("--time-store-calls") { Description = "Time each store call (store CPU ms/req); `false` for profiling.", DefaultValueFactory = _ => true };
        var command = new Command("serve", "Start the benchmark host over a database and print its address; stops when standard input closes. Used by `run`.")
        {
            db, timeStoreCalls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var server = new BenchServer(Path.GetFullPath(parse.GetValue(db)!), parse.GetValue(timeStoreCalls));
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
