using System.Globalization;

namespace KnowledgeGraph.Api.Hosting;

/// <summary>
/// The garbage collector's budget for its youngest generation (gen0): the one runtime setting
/// the server is tuned with, and the start-up line that says whether it is in effect.
/// </summary>
/// <remarks>
/// <para>
/// Every GraphQL request allocates short-lived objects (a who-said-what answer about 140 KiB),
/// and a gen0 collection runs each time the budget is used up. Left to itself, .NET's Server GC
/// with its dynamic adaptation (DATAS, on by default) kept the budget small on the benchmark's
/// machine: under who-said-what load it collected about seven times a second, and more than
/// half of those were gen1 collections, which also promote what survives. With a 64 MiB budget
/// it collected about three times a second, none of them gen1, and who-said-what cost 6–10 %
/// less CPU (bench/RESULTS.md), for a working set about 55 MiB larger under sustained load.
/// </para>
/// <para>
/// The runtime reads the budget once, before any code of ours runs, and only from the
/// environment (<c>DOTNET_GCgen0size</c>, in hexadecimal); <c>runtimeconfig.json</c> cannot
/// carry it. <c>dotnet run</c> sets it from <c>Properties/launchSettings.json</c>, the benchmark
/// sets it on the servers it starts, and any other deployment (a service unit, a container)
/// sets it in the server's environment. The benchmark keeps an explicit value of its own
/// environment, <c>0</c> (the runtime's own budget) included; under <c>dotnet run</c> the launch
/// profile's value wins, and <c>--no-launch-profile</c> leaves it unset.
/// </para>
/// </remarks>
public static partial class GarbageCollection
{
    /// <summary>The environment variable the runtime reads the gen0 budget from.</summary>
    public const string Gen0SizeVariable = "DOTNET_GCgen0size";

    /// <summary>The same setting under the runtime's older prefix, read when the first is unset.</summary>
    public const string LegacyGen0SizeVariable = "COMPlus_GCgen0size";

    /// <summary>The budget the server is meant to run with: 64 MiB, written as the runtime reads it.</summary>
    public const string RecommendedGen0Size = "0x4000000";

    /// <summary>
    /// The gen0 budget in bytes that the given environment sets, read as the runtime reads it
    /// (hexadecimal, an optional <c>0x</c>); null when it sets none, sets <c>0</c> (the runtime's
    /// own budget), or sets something that is not a hexadecimal number.
    /// </summary>
    public static long? Gen0Budget(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = environment(Gen0SizeVariable) ?? environment(LegacyGen0SizeVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = text.Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        return long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
            ? bytes
            : null;
    }

    /// <summary>The budget <see cref="RecommendedGen0Size"/> stands for, in bytes.</summary>
    public static long RecommendedGen0Bytes => Gen0Budget(name => name == Gen0SizeVariable ? RecommendedGen0Size : null)!.Value;

    /// <summary>Says at start-up which collector runs and with which gen0 budget.</summary>
    internal static void LogAtStartup(ILogger logger)
    {
        var mode = System.Runtime.GCSettings.IsServerGC ? "Server GC" : "Workstation GC";
        if (Gen0Budget(Environment.GetEnvironmentVariable) is { } bytes)
        {
            var budget = FormatBytes(bytes);
            LogBudget(logger, mode, budget, Gen0SizeVariable);
        }
        else
        {
            LogDefaultBudget(logger, mode, Gen0SizeVariable, RecommendedGen0Size);
        }
    }

    private static string FormatBytes(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F0} KiB");

    [LoggerMessage(Level = LogLevel.Information, Message = "Garbage collector: {Mode}, gen0 budget {Budget} (from {Variable}).")]
    private static partial void LogBudget(ILogger logger, string mode, string budget, string variable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Garbage collector: {Mode}, gen0 budget left to the runtime. {Variable}={Recommended} in the server's environment makes requests cheaper (see the README's settings).")]
    private static partial void LogDefaultBudget(ILogger logger, string mode, string variable, string recommended);
}
