using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Search;

/// <summary>
/// The SQLite full-text index on a real file: folded case and diacritics, kept in step with every
/// import, and built at start-up for a database written before it existed. The names are fictional.
/// </summary>
public sealed class SqliteSearchIndexTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "kg-search-" + Guid.NewGuid().ToString("N") + ".db");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static GraphBatch People(params Person[] people) => new([], [], [], people, [], []);

    private static async Task<string[]> FindAsync(SqliteGraphStore store, string text) =>
        [.. (await new SqliteAnalytics(store).SearchAsync(new SearchQuery(SearchText.Terms(text), [], 50), Cancel))
            .Select(h => $"{h.Node.Key} {h.Field} {h.Snippet}")];

    [Fact]
    public async Task Diacritics_and_case_fold_and_every_import_keeps_the_index_in_step()
    {
        var store = new SqliteGraphStore(_path);
        await store.InitializeAsync(Cancel);
        await store.ImportAsync(People(new Person("zoe-varkonyi", "Zoë Várkonyi", ["Várkonyi"], null, []), new Person("otto-brek", "Otto Brek", [], null, [])), Cancel);

        Assert.Equal(["zoe-varkonyi Name <em>Zoë</em> <em>Várkonyi</em>"], await FindAsync(store, "ZOE varkonyi"));
        Assert.Equal(["zoe-varkonyi Name Zoë <em>Várkonyi</em>"], await FindAsync(store, "VÁRKONYI"));

        // A re-import that renames replaces the old name's entry (the import keeps the old aliases).
        await store.ImportAsync(People(new Person("zoe-varkonyi", "Zoë Halász", ["Zoë V."], null, [])), Cancel);
        Assert.Equal(["zoe-varkonyi Alias <em>Várkonyi</em>"], await FindAsync(store, "varkonyi"));
        Assert.Equal(["zoe-varkonyi Name <em>Zoë</em> Halász"], await FindAsync(store, "zoe"));
        Assert.Equal(["zoe-varkonyi Name Zoë <em>Halász</em>"], await FindAsync(store, "halasz"));
        Assert.Equal(["otto-brek Name <em>Otto</em> Brek"], await FindAsync(store, "otto"));
    }

    [Fact]
    public async Task A_database_written_before_the_index_existed_gets_it_at_start_up()
    {
        var store = new SqliteGraphStore(_path);
        await store.InitializeAsync(Cancel);
        await store.ImportAsync(People(new Person("ines-orlov", "Inès Orlov", ["Orlov"], null, [])), Cancel);

        // As it was before search: no index, no entries, no triggers.
        await using (var connection = new SqliteConnection($"Data Source={_path}"))
        {
            await connection.OpenAsync(Cancel);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'";
            var drops = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(Cancel))
            {
                while (await reader.ReadAsync(Cancel))
                {
                    drops.Add(reader.GetString(0));
                }
            }

            command.CommandText = string.Concat(drops) + "DROP TABLE search_text; DROP TABLE search_entry;";
            await command.ExecuteNonQueryAsync(Cancel);
        }

        SqliteConnection.ClearAllPools();
        var reopened = new SqliteGraphStore(_path);
        await reopened.InitializeAsync(Cancel);
        Assert.Equal(["ines-orlov Name <em>Inès</em> Orlov"], await FindAsync(reopened, "ines"));
        Assert.Equal(["ines-orlov Name Inès <em>Orlov</em>"], await FindAsync(reopened, "orlov"));

        // And a second start changes nothing.
        await reopened.InitializeAsync(Cancel);
        Assert.Equal(["ines-orlov Name Inès <em>Orlov</em>"], await FindAsync(reopened, "orlov"));
    }
}
