using SQLitePCL;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// How the process's SQLite library runs, set once before its first connection opens.
/// </summary>
/// <remarks>
/// <para>
/// SQLite is built "serialized": every call on a connection (each step, each column read)
/// takes that connection's mutex, and with memory statistics on, every allocation takes one
/// mutex that all connections share. The store never uses one connection from two threads at
/// once (a read connection is lent to one call at a time, the writer to one transaction), so
/// it runs the library multi-threaded, without the connection mutex, and without memory
/// statistics. Under 32 clients the two mutexes held 9 % of who-said-what's samples, part of it
/// waiting on the shared one.
/// </para>
/// <para>
/// <c>sqlite3_config</c> works only before the library initialises itself, on the first
/// connection opened in the process. If something opened one before the first store, the
/// calls answer <c>SQLITE_MISUSE</c> and the library stays serialized, which is slower but
/// just as correct.
/// </para>
/// </remarks>
internal static class SqliteLibrary
{
    private static readonly bool Configured = Configure();

    /// <summary>Whether this process runs SQLite multi-threaded without memory statistics.</summary>
    public static bool IsConfigured => Configured;

    /// <summary>Configures the library if no connection has opened yet (once per process).</summary>
    public static void EnsureConfigured() => _ = Configured;

    private static bool Configure()
    {
        Batteries_V2.Init();
        var multiThread = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        var noStatistics = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        return multiThread == raw.SQLITE_OK && noStatistics == raw.SQLITE_OK;
    }
}
