namespace KnowledgeGraph.Benchmarks.Server;

/// <summary>Resident memory in bytes: all of it, the anonymous part and the file-backed part.</summary>
internal readonly record struct ResidentMemory(long Total, long Anonymous, long File)
{
    public static ResidentMemory operator +(ResidentMemory a, ResidentMemory b) =>
        new(a.Total + b.Total, a.Anonymous + b.Anonymous, a.File + b.File);
}
