using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Columns added after a database may have been written without them.</summary>
public sealed partial class SqliteGraphStore
{
    /// <summary>Adds <c>negotiation.aliases</c> to a database written before negotiations had aliases.</summary>
    private static async Task MigrateNegotiationAliasesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        const string Check = "SELECT count(*) FROM pragma_table_info('negotiation') WHERE name = 'aliases'";
        if (await ScalarAsync(connection, Check, cancellationToken) != 0)
        {
            return;
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Check;

        // Another process may have added it since the check above; the write lock is held now.
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "ALTER TABLE negotiation ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]'";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
