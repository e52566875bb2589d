using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Infrastructure;

/// <summary>
/// A folder of one test class's own under the temporary folder, for its SQLite files. Disposing
/// it closes the pooled connections (which would keep the files open) and deletes it.
/// </summary>
public sealed class ScratchDirectory(string prefix) : IDisposable
{
    /// <summary>The folder (made by whoever writes into it first).</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
