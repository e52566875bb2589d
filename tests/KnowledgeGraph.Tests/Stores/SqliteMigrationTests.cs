using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>
/// A SQLite file written before statements could be retracted and before negotiations had
/// aliases gets those columns when the store starts on it, and starting again changes nothing.
/// On a real SQLite file.
/// </summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new("kg-migration");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Columns_added_since_a_file_was_written_are_added_once_at_start_up()
    {
        var path = Path.Combine(_scratch.Path, "old.db");
        using (var store = new SqliteGraphStore(path))
        {
            await store.InitializeAsync(Cancel);
            store.ClearIdleConnections();
        }

        // The file as an earlier version wrote it: without the columns added since.
        await ExecuteAsync(path,
            "DROP INDEX IF EXISTS statement_retracted;"
            + "ALTER TABLE statement DROP COLUMN retracted; ALTER TABLE statement DROP COLUMN retraction_reason; ALTER TABLE statement DROP COLUMN retracted_at;"
            + "ALTER TABLE negotiation DROP COLUMN aliases;");
        Assert.Equal(("", ""), (await ColumnsAsync(path, "statement", "retract%"), await ColumnsAsync(path, "negotiation", "aliases")));

        for (var start = 0; start < 2; start++)
        {
            using var store = new SqliteGraphStore(path);
            await store.InitializeAsync(Cancel);
            store.ClearIdleConnections();
            Assert.Equal(
                ("retracted,retracted_at,retraction_reason", "aliases"),
                (await ColumnsAsync(path, "statement", "retract%"), await ColumnsAsync(path, "negotiation", "aliases")));
        }
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task<string> ColumnsAsync(string path, string table, string like)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT coalesce(group_concat(name, ','), '') FROM (SELECT name FROM pragma_table_info('{table}') WHERE name LIKE '{like}' ORDER BY name)";
        return (string)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
