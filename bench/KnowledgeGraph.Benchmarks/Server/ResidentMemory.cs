namespace KnowledgeGraph.Benchmarks.Server;

/// <summary>Resident memory in bytes: all of it (VmRSS) and its anonymous part (RssAnon).</summary>
internal readonly record struct ResidentMemory(long Total, long Anonymous)
{
    public static ResidentMemory operator +(ResidentMemory a, ResidentMemory b) =>
        new(a.Total + b.Total, a.Anonymous + b.Anonymous);
}
