using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using KnowledgeGraph.Benchmarks.Load;
using KnowledgeGraph.Benchmarks.Server;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.EventPipe;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace KnowledgeGraph.Benchmarks.Profile;

/// <summary>
/// Where the server's CPU goes under one workload: an EventPipe session on the server process
/// (the runtime's sample profiler: every managed thread's stack once a millisecond, plus the
/// runtime's JIT, loader and GC events that name the frames), opened while the load runs and
/// read back with TraceEvent; the samples are then attributed by component, by assembly and by
/// method. The process's threads' CPU from <c>/proc</c> shows the garbage collector's share,
/// whose threads the sample profiler does not see.
/// </summary>
internal static class CpuProfile
{
    private const string SampleProfiler = "Microsoft-DotNETCore-SampleProfiler";
    private const string Runtime = "Microsoft-Windows-DotNETRuntime";

    /// <summary>The components a sample is attributed to: the innermost frame that belongs to one wins.</summary>
    private static readonly (string Component, Func<string, string, bool> Matches)[] Components =
    [
        ("SQLite (Microsoft.Data.Sqlite, SQLitePCLRaw, native sqlite3)", (module, method) => module.StartsWith("SQLitePCLRaw", StringComparison.OrdinalIgnoreCase) || module.StartsWith("Microsoft.Data.Sqlite", StringComparison.OrdinalIgnoreCase)),
        ("JSON (System.Text.Json, GraphQL.SystemTextJson)", (module, method) => module.StartsWith("System.Text.Json", StringComparison.OrdinalIgnoreCase) || module.StartsWith("GraphQL.SystemTextJson", StringComparison.OrdinalIgnoreCase)),
        ("GraphQL.NET validation", (module, method) => method.StartsWith("GraphQL.Validation.", StringComparison.Ordinal)),
        ("GraphQL parser", (module, method) => module.StartsWith("GraphQLParser", StringComparison.OrdinalIgnoreCase)),
        ("GraphQL.NET execution (and other GraphQL.NET)", (module, method) => module.StartsWith("GraphQL", StringComparison.OrdinalIgnoreCase)),
        ("KnowledgeGraph SQLite store", (module, method) => module.StartsWith("KnowledgeGraph.Storage", StringComparison.OrdinalIgnoreCase)),
        ("KnowledgeGraph API (resolvers, loaders, endpoint)", (module, method) => module.StartsWith("KnowledgeGraph.Api", StringComparison.OrdinalIgnoreCase) || module.StartsWith("KnowledgeGraph.Domain", StringComparison.OrdinalIgnoreCase)),
        ("ASP.NET Core and Kestrel", (module, method) => module.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase) || module.StartsWith("Microsoft.Extensions", StringComparison.OrdinalIgnoreCase)),
        ("Sockets and networking", (module, method) => module.StartsWith("System.Net", StringComparison.OrdinalIgnoreCase)),
        ("benchmark host (timing wrapper, stats)", (module, method) => module.StartsWith("KnowledgeGraph.Benchmarks", StringComparison.OrdinalIgnoreCase)),
    ];

    /// <summary>Frames that mean a thread is waiting, not working: such samples are left out.</summary>
    private static readonly string[] WaitingFrames =
    [
        "LowLevelLifoSemaphore", "WaitForSocketEvents", "WaitHandle.Wait", "Monitor.Wait", "Thread.Sleep", "SleepInternal",
        "LowLevelMonitor.Wait", "WaitOneNoCheck", "WaitCore", "WaitNative", "Interop+Sys.Read", "Interop+Sys.Poll",
        "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "WaitForPendingFinalizers", "GateThread", "WaitSubsystem",
        "SocketAsyncEngine.EventLoop", "ConsolePal", "StreamReader.ReadLine", "PollWait",
    ];

    /// <summary>Drives <paramref name="workload"/> against the server in <paramref name="pid"/> while tracing it; returns the breakdown as text.</summary>
    public static async Task<string> RunAsync(
        LoadRunner runner, Workload workload, int pid, LoadOptions load, int top, string traceFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(load);

        // Warm up without the session, so that JIT tiering has settled before sampling starts.
        await BenchmarkRun.CheckAsync(runner, workload, 0, cancellationToken);
        await runner.RunAsync(workload.Name, workload.Request, load with { Warmup = TimeSpan.Zero, Duration = load.Warmup }, cancellationToken);

        var client = new DiagnosticsClient(pid);
        EventPipeProvider[] providers =
        [
            new(SampleProfiler, EventLevel.Informational),
            // Verbose for the GC's allocation ticks (one per ~100 KB allocated, with its type and stack).
            new(Runtime, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC),
        ];
        var threadsBefore = ProcStat.CpuByThreadName(pid);
        LoadResult measured;
        using (var session = client.StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 512))
        {
            await using var file = File.Create(traceFile);
            var copy = session.EventStream.CopyToAsync(file, cancellationToken);
            measured = await runner.RunAsync(workload.Name, workload.Request, load with { Warmup = TimeSpan.Zero }, cancellationToken);
            await session.StopAsync(cancellationToken);
            await copy;
        }

        var threadsAfter = ProcStat.CpuByThreadName(pid);
        var threads = threadsAfter
            .Select(t => (Name: t.Key, Ms: t.Value - threadsBefore.GetValueOrDefault(t.Key)))
            .Where(t => t.Ms > 0)
            .OrderByDescending(t => t.Ms)
            .ToList();
        return Analyse(traceFile, workload, measured, threads, top);
    }

    private static string Analyse(string traceFile, Workload workload, LoadResult measured, List<(string Name, double Ms)> threads, int top)
    {
        var byComponent = new Dictionary<string, long>(StringComparer.Ordinal);
        var byModule = new Dictionary<string, long>(StringComparer.Ordinal);
        var exclusive = new Dictionary<string, long>(StringComparer.Ordinal);
        var inclusive = new Dictionary<string, long>(StringComparer.Ordinal);
        var idleLeaves = new Dictionary<string, long>(StringComparer.Ordinal);
        var allocatedByType = new Dictionary<string, long>(StringComparer.Ordinal);
        var allocatedBySite = new Dictionary<string, long>(StringComparer.Ordinal);
        var callers = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        long working = 0, idle = 0, managed = 0, allocated = 0;

        var etlx = TraceLog.CreateFromEventPipeDataFile(traceFile, null, new TraceLogOptions { ContinueOnError = true });
        try
        {
            using var log = new TraceLog(etlx);
            using var source = log.Events.GetSource();
            var samples = new SampleProfilerTraceEventParser(source);
            var frames = new List<(string Module, string Method)>(64);
            source.Clr.GCAllocationTick += data =>
            {
                allocated += data.AllocationAmount64;
                allocatedByType[data.TypeName] = allocatedByType.GetValueOrDefault(data.TypeName) + data.AllocationAmount64;

                // The allocating method: the innermost frame outside the base library's collections and strings.
                var site = "?";
                for (var stack = data.CallStack(); stack is not null; stack = stack.Caller)
                {
                    var address = stack.CodeAddress;
                    if (!string.Equals(address.ModuleName, "System.Private.CoreLib", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(address.FullMethodName))
                    {
                        site = address.FullMethodName;
                        break;
                    }
                }

                allocatedBySite[site] = allocatedBySite.GetValueOrDefault(site) + data.AllocationAmount64;
            };
            samples.ThreadSample += data =>
            {
                frames.Clear();
                for (var stack = data.CallStack(); stack is not null; stack = stack.Caller)
                {
                    var address = stack.CodeAddress;
                    var module = address.ModuleName ?? string.Empty;
                    var method = address.FullMethodName;
                    frames.Add((module, string.IsNullOrEmpty(method) ? $"{(module.Length == 0 ? "?" : module)}!?" : method));
                }

                if (frames.Count == 0 || frames.Take(4).Any(f => WaitingFrames.Any(w => f.Method.Contains(w, StringComparison.Ordinal))))
                {
                    idle++;
                    var leaf = frames.Count == 0 ? "(no managed frame)" : frames[0].Method;
                    idleLeaves[leaf] = idleLeaves.GetValueOrDefault(leaf) + 1;
                    return;
                }

                working++;
                if (data.Type == ClrThreadSampleType.Managed)
                {
                    managed++;
                }

                var component = "runtime and base library (System.Private.CoreLib, other)";
                foreach (var (module, method) in frames)
                {
                    if (Components.FirstOrDefault(c => c.Matches(module, method)) is { Component: { } found })
                    {
                        component = found;
                        break;
                    }
                }

                byComponent[component] = byComponent.GetValueOrDefault(component) + 1;
                var leafModule = frames[0].Module.Length == 0 ? "?" : frames[0].Module;
                byModule[leafModule] = byModule.GetValueOrDefault(leafModule) + 1;
                exclusive[frames[0].Method] = exclusive.GetValueOrDefault(frames[0].Method) + 1;

                // Who the leaf was called from: the innermost frame outside System.Private.CoreLib.
                var caller = frames.Skip(1).FirstOrDefault(f => !string.Equals(f.Module, "System.Private.CoreLib", StringComparison.OrdinalIgnoreCase)).Method ?? "?";
                if (!callers.TryGetValue(frames[0].Method, out var byCaller))
                {
                    callers[frames[0].Method] = byCaller = new Dictionary<string, long>(StringComparer.Ordinal);
                }

                byCaller[caller] = byCaller.GetValueOrDefault(caller) + 1;
                foreach (var method in frames.Select(f => f.Method).Distinct(StringComparer.Ordinal))
                {
                    inclusive[method] = inclusive.GetValueOrDefault(method) + 1;
                }
            };
            source.Process();
        }
        finally
        {
            File.Delete(etlx);
        }

        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"## {workload.Name}: where the server's CPU goes").AppendLine();
        text.AppendLine(c, $"Under load while traced: {measured.RequestsPerSecond:N0} req/s, {measured.ServerCpuMsPerRequest:F3} ms server CPU/req (the session's own sampling included), "
            + $"{measured.AllocatedBytesPerRequest / 1024:N1} KiB allocated/req, {measured.RoundTripsPerRequest:F2} store calls/req, {measured.Errors} errors.");
        text.AppendLine(c, $"Samples of working threads: {working:N0} ({managed:N0} in managed code, {working - managed:N0} in native code called from it: SQLite, sockets, the runtime); "
            + $"{idle:N0} samples of waiting threads left out (top: {string.Join(", ", idleLeaves.OrderByDescending(p => p.Value).Take(3).Select(p => $"{Short(p.Key)} {p.Value:N0}"))}).");
        text.AppendLine();

        var totalThreadMs = threads.Sum(t => t.Ms);
        text.AppendLine("CPU by thread (from /proc, over the traced window; the GC threads are invisible to the sampler):").AppendLine();
        text.AppendLine("| thread | CPU ms | share |").AppendLine("|---|---:|---:|");
        foreach (var (name, ms) in threads.GroupBy(t => t.Name).Select(g => (g.Key, g.Sum(t => t.Ms))).OrderByDescending(t => t.Item2).Take(8))
        {
            text.AppendLine(c, $"| {name} | {ms:N0} | {Share(ms, totalThreadMs)} |");
        }

        text.AppendLine().AppendLine("By component (each working sample goes to the innermost frame that belongs to a component):").AppendLine();
        Table(text, "component", byComponent, working, byComponent.Count);
        text.AppendLine().AppendLine("By assembly of the leaf frame (self time):").AppendLine();
        Table(text, "assembly", byModule, working, 12);
        text.AppendLine().AppendLine(c, $"Top {top} methods by self time:").AppendLine();
        Table(text, "method", exclusive, working, top);
        text.AppendLine().AppendLine("Where the ten costliest leaves are called from (the innermost caller outside System.Private.CoreLib, three at most each):").AppendLine();
        text.AppendLine("| leaf | caller | samples |").AppendLine("|---|---|---:|");
        foreach (var (leaf, _) in exclusive.OrderByDescending(p => p.Value).Take(10))
        {
            foreach (var (caller, count) in callers[leaf].OrderByDescending(p => p.Value).Take(3))
            {
                text.AppendLine(c, $"| {Short(leaf).Replace("|", "\\|", StringComparison.Ordinal)} | {Short(caller).Replace("|", "\\|", StringComparison.Ordinal)} | {count:N0} |");
            }
        }

        text.AppendLine().AppendLine(c, $"Top {top} methods by inclusive time:").AppendLine();
        Table(text, "method", inclusive, working, top);
        if (allocated > 0)
        {
            text.AppendLine().AppendLine(c, $"Allocations by type (the GC's allocation ticks, one per ~100 KB; {allocated / 1048576.0:N0} MiB sampled):").AppendLine();
            Table(text, "type", allocatedByType, allocated, top, "bytes");
            text.AppendLine().AppendLine("Allocations by the innermost method outside System.Private.CoreLib:").AppendLine();
            Table(text, "method", allocatedBySite, allocated, top, "bytes");
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string what, Dictionary<string, long> counts, long total, int rows, string unit = "samples")
    {
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"| {what} | {unit} | share |").AppendLine("|---|---:|---:|");
        foreach (var (key, count) in counts.OrderByDescending(p => p.Value).Take(rows))
        {
            text.AppendLine(c, $"| {Short(key).Replace("|", "\\|", StringComparison.Ordinal)} | {count:N0} | {Share(count, total)} |");
        }
    }

    private static string Share(double part, double total) =>
        total <= 0 ? "–" : (part / total).ToString("P1", CultureInfo.InvariantCulture);

    private static string Short(string method) => method.Length <= 140 ? method : method[..140] + "…";
}
