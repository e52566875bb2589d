using System.Runtime.InteropServices;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>
/// The store runs SQLite multi-threaded, without the per-connection mutex, and without memory
/// statistics, on a real file; and it still answers the same from many threads at once.
/// </summary>
public sealed class SqliteLibraryTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new("kg-library");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task A_read_connection_has_no_mutex_and_the_library_keeps_no_memory_statistics()
    {
        using var store = await SeededAsync();
        Assert.True(SqliteLibrary.IsConfigured);
        Assert.NotNull((await store.ResolveAsync<Person>(["dmitry-medvedev"], Cancel)).GetValueOrDefault("dmitry-medvedev"));

        await using (var connection = await store.Reads.RentAsync(Cancel))
        {
            // Serialized mode gives every connection a mutex; multi-threaded mode gives none.
            Assert.Equal(0, sqlite3_db_mutex(connection.Connection.Handle!.DangerousGetHandle()));
        }

        // With statistics off, SQLite counts no allocation, however many it made.
        Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_used());
    }

    [Fact]
    public async Task Many_threads_reading_at_once_each_get_the_whole_answer()
    {
        using var store = await SeededAsync();
        var expected = Describe((await store.ResolveAsync<Person>(["dmitry-medvedev", "kyrylo-budanov"], Cancel)).Values);
        Assert.Contains("dmitry-medvedev Dmitry Medvedev [security-council-of-russia deputy chair True, government-of-russia president False]", expected);

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var seen = new List<string>();
            for (var i = 0; i < 200; i++)
            {
                seen.Add(Describe((await store.ResolveAsync<Person>(["dmitry-medvedev", "kyrylo-budanov"], Cancel)).Values));
            }

            return seen;
        }, Cancel)));

        foreach (var answer in answers)
        {
            Assert.Equal(200, answer.Count);
            Assert.All(answer, seen => Assert.Equal(expected, seen));
        }
    }

    private static string Describe(IEnumerable<Person> people) => string.Join(" | ", people.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        $"{p.Key} {p.Name} [{string.Join(", ", p.Affiliations.Select(a => $"{a.OrganisationKey} {a.Role} {a.Current}"))}]"));

    [DllImport("e_sqlite3")]
    private static extern nint sqlite3_db_mutex(nint db);

    private async Task<SqliteGraphStore> SeededAsync()
    {
        var store = new SqliteGraphStore(Path.Combine(_scratch.Path, "library.db"));
        await store.InitializeAsync(Cancel);
        await new BundleImporter(store, store).ImportAsync("seed", Seed.BundleJson, Seed.ReadTextFile, Cancel);
        return store;
    }
}
