using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using KnowledgeGraph.Benchmarks.Load;

namespace KnowledgeGraph.Benchmarks;

/// <summary>The machine a run was measured on.</summary>
internal sealed record MachineInfo(int Processors, string Cpu, string Memory, string OperatingSystem, string DotnetSdk, string Runtime)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        ProcLine("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], CultureInfo.InvariantCulture, out var k)
            ? $"{k / 1_048_576.0:F1} GiB"
            : "unknown",
        OsRelease() ?? RuntimeInformation.OSDescription,
        DotnetVersion(),
        RuntimeInformation.FrameworkDescription);

    private static string? ProcLine(string file, string key)
    {
        try
        {
            return File.ReadLines(file)
                .Where(l => l.StartsWith(key, StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? OsRelease()
    {
        try
        {
            var pretty = File.ReadLines("/etc/os-release")
                .Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(l => l["PRETTY_NAME=".Length..].Trim('"'))
                .FirstOrDefault();
            return pretty is null ? null : $"{pretty}, kernel {Environment.OSVersion.Version}";
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string DotnetVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var version = process?.StandardOutput.ReadToEnd().Trim();
            process?.WaitForExit(10_000);
            return string.IsNullOrEmpty(version) ? "unknown" : version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}

/// <summary>Writes a run's figures and its targets as Markdown.</summary>
internal static class Report
{
    public const double PointLookupShareTarget = 0.7;
    public const double PeerCpuRatioTarget = 2;
    public const double ScaleP99Factor = 1.5;
    public const double P99TargetMs = 20;

    public static string Markdown(BenchOptions options, MachineInfo machine, string command, IReadOnlyList<SizeResult> sizes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(sizes);
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("### Machine").AppendLine();
        md.AppendLine("| nproc | CPU | memory | OS | dotnet SDK | runtime |");
        md.AppendLine("|---|---|---|---|---|---|");
        md.AppendLine(c, $"| {machine.Processors} | {machine.Cpu} | {machine.Memory} | {machine.OperatingSystem} | {machine.DotnetSdk} | {machine.Runtime} |");
        md.AppendLine().AppendLine("### Command").AppendLine().AppendLine("```").AppendLine(command).AppendLine("```").AppendLine();
        md.AppendLine(c, $"{options.Load.Concurrency} concurrent clients (closed loop), {(options.ServerWarmup > TimeSpan.Zero ? $"each server first loaded for {options.ServerWarmup.TotalSeconds:F0} s with the workloads in turn (unmeasured, for the JIT to finish), then " : string.Empty)}{options.Load.Warmup.TotalSeconds:F0} s warm-up then {options.Load.Duration.TotalSeconds:F0} s measured per workload (at most {options.Load.MaxRequests:N0} requests); server in a {(options.Server == Server.ServerMode.Process ? $"child process (figures per request are the server's alone) with {Server.ServerHandle.ChildGen0Budget()}" : "the same process as the load generator (allocation and CPU figures include the client)")}.");
        foreach (var size in sizes)
        {
            md.AppendLine().AppendLine(c, $"### {size.Statements:N0} statements").AppendLine();
            var counts = size.Load.Counts;
            md.AppendLine(c, $"Corpus (seed {size.Load.Seed}): {counts.Statements:N0} statements, {counts.Articles:N0} articles, {counts.Evidence:N0} evidence spans, {counts.StatementAbout:N0} statement–place links, {counts.Responses:N0} responses, {counts.People:N0} people, {counts.Affiliations:N0} affiliations, {counts.Organisations:N0} organisations, {counts.Places:N0} places, {counts.Negotiations:N0} negotiations.");
            md.AppendLine(c, $"Load: {size.Load.Elapsed.TotalSeconds:F1} s through `IGraphStoreAdmin.ImportAsync` in {size.Load.Batches} batches of {size.Load.ChunkStatements:N0} statements, peak working set {size.Load.PeakWorkingSetBytes / 1_048_576.0:N0} MiB, database {size.Load.DatabaseBytes / 1_048_576.0:N0} MiB{(size.LoadReused ? " (loaded by an earlier run and reused)" : string.Empty)}.");
            md.AppendLine();
            md.AppendLine("| workload | req/s | vs bare | p50 ms | p95 ms | p99 ms | max ms | server p50 / p99 ms | alloc/req | GCs gen0 / 1 / 2, paused | store calls/req | server CPU ms/req | store CPU ms/req | load generator CPU ms/req | errors |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            var bare = size.Results.FirstOrDefault(r => r.Workload == Workloads.Bare);
            foreach (var r in size.Results)
            {
                var ratio = bare is null || bare.RequestsPerSecond == 0 ? "–" : (r.RequestsPerSecond / bare.RequestsPerSecond).ToString("P0", c);
                var trips = r.MinRoundTrips == r.MaxRoundTrips ? r.MinRoundTrips.ToString(c) : $"{r.RoundTripsPerRequest:F2} ({r.MinRoundTrips}–{r.MaxRoundTrips})";
                md.AppendLine(c, $"| {r.Workload} | {r.RequestsPerSecond:N0} | {ratio} | {r.P50Ms:F2} | {r.P95Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F1} | {r.ServerP50Ms:F2} / {r.ServerP99Ms:F2} | {Bytes(r.AllocatedBytesPerRequest)} | {Collections(r)} | {trips} | {r.ServerCpuMsPerRequest:F3} | {r.StoreMsPerRequest:F3} | {ClientCpu(size, r)} | {r.Errors} |");
            }

            if (size.StatementStatsUnavailable is { } why)
            {
                md.AppendLine(c, $"| {Workloads.StatementStats} | {why} | | | | | | | | | | | | | |");
            }

            AppendPeer(md, options, size);
        }

        md.AppendLine().AppendLine("### Targets").AppendLine();
        md.AppendLine("| target | measured | reached |").AppendLine("|---|---|---|");
        foreach (var (target, measured, reached) in Targets(options, sizes))
        {
            md.AppendLine(c, $"| {target} | {measured} | {reached} |");
        }

        return md.ToString();
    }

    /// <summary>The side-by-side table with the Node.js peer, or why the peer did not run.</summary>
    private static void AppendPeer(StringBuilder md, BenchOptions options, SizeResult size)
    {
        var c = CultureInfo.InvariantCulture;
        if (size.PeerSkipped is { } skipped)
        {
            md.AppendLine().AppendLine(c, $"Node.js peer: skipped ({skipped}).");
            return;
        }

        if (size.PeerResults.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine(c, $"#### Side by side with the Node.js peer ({size.Statements:N0} statements)").AppendLine();
        var compared = string.Join(", ", size.Comparisons.Select(x => $"{x.Workload} {x.Identical}/{x.Compared}"));
        md.AppendLine(string.Create(c, $"The peer (`bench/peer`: graphql-js 16, DataLoader, better-sqlite3; {size.PeerBanner}) serves the same database file. Before measuring, the first {options.Peer.Samples} requests of each workload were sent to both: "
            + $"{compared} identical `data`. "
            + $"Each server ran each workload {options.Peer.Rounds} × ({options.Load.Warmup.TotalSeconds:F0} s warm-up + {options.Load.Duration.TotalSeconds:F0} s measured), alternating API, peer, peer, API; figures pooled over its runs. "
            + $"CPU per request is utime + stime of the server's process (and of its children) over the measured windows, divided by the requests answered; "
            + $"**peer ÷ API** is the peer's CPU per request over the API's (above 1: the API does less work per request)."));
        md.AppendLine();
        md.AppendLine("| workload | API req/s | peer req/s | API p50 / p95 / p99 ms | peer p50 / p95 / p99 ms | API CPU ms/req | peer CPU ms/req | **peer ÷ API** CPU/req | API alloc/req | store calls/req API / peer | load generator CPU ms/req API / peer | errors API / peer |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in size.PeerResults)
        {
            var a = Find(size, p.Workload);
            if (a is null)
            {
                continue;
            }

            md.AppendLine(string.Create(c, $"| {p.Workload} | {a.RequestsPerSecond:N0} | {p.RequestsPerSecond:N0} | {a.P50Ms:F2} / {a.P95Ms:F2} / {a.P99Ms:F2} | {p.P50Ms:F2} / {p.P95Ms:F2} / {p.P99Ms:F2} | "
                + $"{a.ServerCpuMsPerRequest:F3} | {p.ServerCpuMsPerRequest:F3} | **{CpuRatio(p, a):F2}** | {Bytes(a.AllocatedBytesPerRequest)} | {Trips(a)} / {Trips(p)} | {ClientCpu(size, a)} / {ClientCpu(size, p)} | {a.Errors} / {p.Errors} |"));
        }
    }

    /// <summary>
    /// The load generator's CPU per request, or a dash when the API ran inside the benchmark's
    /// process: then that figure is the server's work as well as the client's.
    /// </summary>
    internal static string ClientCpu(SizeResult size, LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(result);
        return size.Server == Server.ServerMode.Process
            ? result.ClientCpuMsPerRequest.ToString("F3", CultureInfo.InvariantCulture)
            : "–";
    }

    /// <summary>The peer's CPU per request over the API's.</summary>
    public static double CpuRatio(LoadResult peer, LoadResult api)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(api);
        return api.ServerCpuMsPerRequest == 0 ? double.NaN : peer.ServerCpuMsPerRequest / api.ServerCpuMsPerRequest;
    }

    private static string Trips(LoadResult r) => r.MinRoundTrips == r.MaxRoundTrips
        ? r.MinRoundTrips.ToString(CultureInfo.InvariantCulture)
        : $"{r.RoundTripsPerRequest.ToString("F2", CultureInfo.InvariantCulture)} ({r.MinRoundTrips}–{r.MaxRoundTrips})";

    public static IEnumerable<(string Target, string Measured, string Reached)> Targets(BenchOptions options, IReadOnlyList<SizeResult> sizes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sizes);
        var c = CultureInfo.InvariantCulture;
        foreach (var size in sizes.Where(s => s.PeerResults.Count > 0))
        {
            var ratios = size.PeerResults
                .Select(p => (p.Workload, Ratio: Find(size, p.Workload) is { } a ? CpuRatio(p, a) : double.NaN))
                .ToList();
            yield return ($"server CPU per request at most 1/{PeerCpuRatioTarget:F0} of the peer's on every workload ({size.Statements:N0} statements)",
                string.Join(", ", ratios.Select(r => $"{r.Workload} {r.Ratio.ToString("F2", c)}×")), YesNo(ratios.All(r => r.Ratio >= PeerCpuRatioTarget)));
        }

        foreach (var size in sizes)
        {
            var bare = Find(size, Workloads.Bare);
            var point = Find(size, Workloads.PointLookup);
            if (bare is not null && point is not null)
            {
                var share = point.RequestsPerSecond / bare.RequestsPerSecond;
                yield return ($"point-lookup ≥ {PointLookupShareTarget:P0} of the bare endpoint's req/s ({size.Statements:N0} statements)",
                    $"{point.RequestsPerSecond:N0} / {bare.RequestsPerSecond:N0} = {share.ToString("P0", c)}", YesNo(share >= PointLookupShareTarget));
            }

            var traversals = Workloads.TraversalParents.Select(p => (Parents: p, Result: Find(size, Workloads.TraversalName(p)))).Where(t => t.Result is not null).ToList();
            if (traversals.Count > 1)
            {
                var constant = traversals.All(t => t.Result!.MinRoundTrips == t.Result.MaxRoundTrips && t.Result.MinRoundTrips == traversals[0].Result!.MinRoundTrips);
                yield return ($"traversal store calls per request do not grow with parents ({size.Statements:N0} statements)",
                    string.Join(", ", traversals.Select(t => $"{t.Parents} parents: {t.Result!.RoundTripsPerRequest:F2}")), YesNo(constant));
            }
        }

        var small = sizes.FirstOrDefault(s => s.Statements == 10_000);
        var large = sizes.FirstOrDefault(s => s.Statements == 1_000_000);
        var smallP99 = small is null ? null : Find(small, Workloads.WhoSaidWhat);
        var largeP99 = large is null ? null : Find(large, Workloads.WhoSaidWhat);
        yield return smallP99 is not null && largeP99 is not null
            ? ($"who-said-what p99 at 10^6 ≤ {ScaleP99Factor}× its p99 at 10^4",
                $"{largeP99.P99Ms:F2} ms / {smallP99.P99Ms:F2} ms = {largeP99.P99Ms / smallP99.P99Ms:F2}×", YesNo(largeP99.P99Ms <= ScaleP99Factor * smallP99.P99Ms))
            : ($"who-said-what p99 at 10^6 ≤ {ScaleP99Factor}× its p99 at 10^4", "not measured in this run (needs `--statements 10000,1000000`)", "–");
        yield return largeP99 is not null && options.Load.Concurrency == 32
            ? ($"who-said-what p99 ≤ {P99TargetMs} ms at 10^6 statements, 32 clients", $"{largeP99.P99Ms:F2} ms", YesNo(largeP99.P99Ms <= P99TargetMs))
            : ($"who-said-what p99 ≤ {P99TargetMs} ms at 10^6 statements, 32 clients", "not measured in this run (needs `--statements 1000000 --concurrency 32`)", "–");
    }

    private static LoadResult? Find(SizeResult size, string workload) => size.Results.FirstOrDefault(r => r.Workload == workload);

    private static string YesNo(bool reached) => reached ? "**yes**" : "**no**";

    /// <summary>The server's collections by generation during the measured run, and the share of it spent paused for them.</summary>
    private static string Collections(LoadResult r) => r.HasServerCounters
        ? string.Create(CultureInfo.InvariantCulture, $"{r.Gen0Collections} / {r.Gen1Collections} / {r.Gen2Collections}, {r.GcPauseShare:P1}")
        : "–";

    private static string Bytes(double bytes) => bytes >= 1024 * 1024
        ? (bytes / 1_048_576).ToString("F2", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024).ToString("F1", CultureInfo.InvariantCulture) + " KiB";
}
