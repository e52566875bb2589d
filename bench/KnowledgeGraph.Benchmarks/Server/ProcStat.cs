using System.Globalization;

namespace KnowledgeGraph.Benchmarks.Server;

/// <summary>
/// What Linux's <c>/proc</c> says about a process: CPU time (its own and its live children's,
/// so that a Node cluster's workers count), resident memory, and CPU time per thread name.
/// The same reading for every server, whatever runtime it is written in.
/// </summary>
internal static class ProcStat
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static bool Available => File.Exists("/proc/self/stat");

    /// <summary>utime + stime of <paramref name="pid"/> and of its live children, in milliseconds; NaN when unreadable.</summary>
    public static double CpuMilliseconds(int pid)
    {
        var own = Fields($"/proc/{pid}/stat");
        if (own is null)
        {
            return double.NaN;
        }

        var ticks = Ticks(own);
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(entry);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]) || name == pid.ToString(CultureInfo.InvariantCulture))
            {
                continue;
            }

            // Field 4 (index 1 after the command) is the parent's id.
            if (Fields(Path.Combine(entry, "stat")) is { } child && child[1] == pid.ToString(CultureInfo.InvariantCulture))
            {
                ticks += Ticks(child);
            }
        }

        return ticks * 1000 / TicksPerSecond;
    }

    /// <summary>The resident set (VmRSS) of <paramref name="pid"/> and its live children, in bytes; 0 when unreadable.</summary>
    public static long WorkingSetBytes(int pid) => Resident(pid).Total;

    /// <summary>
    /// The resident set of <paramref name="pid"/> and its live children (VmRSS), with its anonymous
    /// part (RssAnon: the heaps, the GC's among them). The rest is file-backed (the binaries and
    /// any mapped file, such as a database SQLite maps: pages the operating system caches anyway
    /// and can drop) or shared memory. Zeros where <c>/proc</c> cannot be read.
    /// </summary>
    public static ResidentMemory Resident(int pid)
    {
        var total = Rss(pid);
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(entry);
            if (name.Length > 0 && char.IsAsciiDigit(name[0]) && name != pid.ToString(CultureInfo.InvariantCulture)
                && Fields(Path.Combine(entry, "stat")) is { } child && child[1] == pid.ToString(CultureInfo.InvariantCulture))
            {
                total += Rss(int.Parse(name, CultureInfo.InvariantCulture));
            }
        }

        return total;
    }

    /// <summary>CPU milliseconds of each thread of <paramref name="pid"/>, summed by thread name (e.g. <c>.NET Server GC</c>).</summary>
    public static Dictionary<string, double> CpuByThreadName(int pid)
    {
        var byName = new Dictionary<string, double>(StringComparer.Ordinal);
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            return byName;
        }
        catch (UnauthorizedAccessException)
        {
            return byName;
        }

        foreach (var task in tasks)
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            var open = text.IndexOf('(', StringComparison.Ordinal);
            var close = text.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                continue;
            }

            var name = text[(open + 1)..close];
            var fields = text[(close + 2)..].Split(' ');
            byName[name] = byName.GetValueOrDefault(name) + Ticks(fields) * 1000 / TicksPerSecond;
        }

        return byName;
    }

    private static ResidentMemory Rss(int pid)
    {
        long total = 0, anonymous = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (Kib(line, "VmRSS:") is { } t)
                {
                    total = t;
                }
                else if (Kib(line, "RssAnon:") is { } a)
                {
                    anonymous = a;
                }
            }
        }
        catch (IOException)
        {
        }

        return new ResidentMemory(total, anonymous);
    }

    private static long? Kib(string line, string field) =>
        line.StartsWith(field, StringComparison.Ordinal)
            ? long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024
            : null;

    /// <summary>The fields after the command name in a <c>stat</c> file (index 0 is field 3, the state).</summary>
    private static string[]? Fields(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            var close = text.LastIndexOf(')');
            return close < 0 ? null : text[(close + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // utime and stime are fields 14 and 15: indices 11 and 12 after the command.
    private static long Ticks(string[] fields) =>
        long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
}
