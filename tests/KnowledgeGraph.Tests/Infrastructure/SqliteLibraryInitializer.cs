using System.Runtime.CompilerServices;
using KnowledgeGraph.Storage.Sqlite;

namespace KnowledgeGraph.Tests.Infrastructure;

/// <summary>
/// Configures SQLite as the server does, before any test opens a connection of its own: which
/// test opens the process's first connection is up to the runner, and the library can be
/// configured only before that. Every test then runs SQLite the way the server runs it.
/// </summary>
internal static class SqliteLibraryInitializer
{
    [ModuleInitializer]
    internal static void ConfigureAsTheServerDoes() => SqliteLibrary.EnsureConfigured();
}
