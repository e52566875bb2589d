using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Columns added after a database may have been written without them.</summary>
public sealed partial class SqliteGraphStore
{
    /// <summary>Adds the columns a database written by an earlier version lacks.</summary>
    private static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await AddColumnsAsync(
            connection,
            "statement",
            "retracted",
            "ALTER TABLE statement ADD COLUMN retracted INTEGER NOT NULL DEFAULT 0;\n"
                + "ALTER TABLE statement ADD COLUMN retraction_reason TEXT;\n"
                + "ALTER TABLE statement ADD COLUMN retracted_at TEXT;",
            cancellationToken);

        // Negotiations had no aliases at first.
        await AddColumnsAsync(connection, "negotiation", "aliases", "ALTER TABLE negotiation ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]'", cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="ddl"/> unless <paramref name="table"/> already has <paramref name="column"/>
    /// (the first column the DDL adds), checked again under the write lock.
    /// </summary>
    private static async Task AddColumnsAsync(SqliteConnection connection, string table, string column, string ddl, CancellationToken cancellationToken)
    {
        var check = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        if (await ScalarAsync(connection, check, cancellationToken) != 0)
        {
            return;
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = check;

        // Another process may have added them since the check above; the write lock is held now.
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = ddl;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
