using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <content>Indexes over columns that a database written by an older version gains only at start-up.</content>
public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// statementStats reads the statements of a time window: with the window's date, the
    /// retraction flag and every column it groups by in one index, SQLite reads them from the
    /// index alone, never from the table's rows (which hold the statements' text).
    /// </summary>
    private const string LateIndexes =
        "CREATE INDEX IF NOT EXISTS statement_date_stats ON statement (date, retracted, key, kind, speaker_person, speaker_organisation, negotiation);";

    private static async Task CreateLateIndexesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = LateIndexes;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
