using System.Text.Json;
using KnowledgeGraph.Domain.Import;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Keeps <c>place_within</c> (containment, closed) and <c>statement_within</c> (statement_about,
/// closed under containment) equal to what <c>place.contained_in</c> and <c>statement_about</c>
/// imply, inside the import's transaction. They hold no facts of their own: they are what the
/// recursive walk in a query used to compute on every request, computed once per import.
/// </summary>
/// <remarks>
/// Only the places of the batch and whatever lies inside them (before or after the batch) can
/// change their set of containing places, so only their closure is recomputed and compared;
/// pairs gained add the statements about the place to the new containing place, pairs lost
/// remove them unless another place the statement is about still lies inside it. New
/// statement_about rows are added for every containing place. Cycles (which the importer
/// rejects within a bundle, but which two bundles could still form) are harmless: closure by
/// UNION stops where it started.
/// </remarks>
internal static class SqliteContainment
{
    private const string Affected = """
        CREATE TEMP TABLE IF NOT EXISTS kg_affected (place TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TEMP TABLE IF NOT EXISTS kg_closure (place TEXT NOT NULL, ancestor TEXT NOT NULL, PRIMARY KEY (place, ancestor)) WITHOUT ROWID;
        CREATE TEMP TABLE IF NOT EXISTS kg_gained (place TEXT NOT NULL, ancestor TEXT NOT NULL);
        CREATE TEMP TABLE IF NOT EXISTS kg_lost (place TEXT NOT NULL, ancestor TEXT NOT NULL);
        DELETE FROM kg_affected; DELETE FROM kg_closure; DELETE FROM kg_gained; DELETE FROM kg_lost;
        INSERT OR IGNORE INTO kg_affected (place)
            WITH RECURSIVE down(place) AS (
                SELECT value FROM json_each(@places)
                UNION
                SELECT p.key FROM place p JOIN down ON p.contained_in = down.place)
            SELECT place FROM down;
        INSERT OR IGNORE INTO kg_affected (place)
            SELECT place FROM place_within WHERE ancestor IN (SELECT value FROM json_each(@places));
        INSERT INTO kg_closure (place, ancestor)
            WITH RECURSIVE up(place, ancestor) AS (
                SELECT place, place FROM kg_affected
                UNION
                SELECT up.place, p.contained_in FROM up JOIN place p ON p.key = up.ancestor WHERE p.contained_in IS NOT NULL)
            SELECT place, ancestor FROM up;
        INSERT INTO kg_gained (place, ancestor)
            SELECT place, ancestor FROM kg_closure
            EXCEPT SELECT place, ancestor FROM place_within WHERE place IN (SELECT place FROM kg_affected);
        INSERT INTO kg_lost (place, ancestor)
            SELECT place, ancestor FROM place_within WHERE place IN (SELECT place FROM kg_affected)
            EXCEPT SELECT place, ancestor FROM kg_closure;
        DELETE FROM place_within WHERE (ancestor, place) IN (SELECT ancestor, place FROM kg_lost);
        INSERT INTO place_within (ancestor, place) SELECT ancestor, place FROM kg_gained;
        DELETE FROM statement_within
            WHERE (place, statement) IN (SELECT l.ancestor, a.statement FROM kg_lost l JOIN statement_about a ON a.place = l.place)
            AND NOT EXISTS (
                SELECT 1 FROM statement_about a JOIN place_within w ON w.place = a.place
                WHERE a.statement = statement_within.statement AND w.ancestor = statement_within.place);
        INSERT OR IGNORE INTO statement_within (place, statement)
            SELECT g.ancestor, a.statement FROM kg_gained g JOIN statement_about a ON a.place = g.place;
        """;

    // CROSS JOIN pins the join order (SQLite never reorders it): from the batch's statements
    // into the indexes, whatever the planner's estimate of json_each. Rows go in index order so
    // that each page of statement_within is written once per batch, not once per row.
    private const string Statements = """
        INSERT OR IGNORE INTO statement_within (place, statement)
            SELECT w.ancestor, a.statement
            FROM json_each(@statements) s
            CROSS JOIN statement_about a ON a.statement = s.value
            CROSS JOIN place_within w ON w.place = a.place
            ORDER BY w.ancestor, a.statement
        """;

    /// <summary>Brings both closures up to date with a batch just written in <paramref name="transaction"/>.</summary>
    public static async Task UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, GraphBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Places.Count > 0)
        {
            await RunAsync(connection, transaction, Affected, "@places", batch.Places.Select(p => p.Key), cancellationToken);
        }

        if (batch.Statements.Count > 0)
        {
            await RunAsync(connection, transaction, Statements, "@statements", batch.Statements.Select(s => s.Key), cancellationToken);
        }
    }

    /// <summary>Brings the closure of these places, and of everything inside them, up to date.</summary>
    public static Task UpdatePlacesAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> places, CancellationToken cancellationToken) =>
        RunAsync(connection, transaction, Affected, "@places", places, cancellationToken);

    private static async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, string parameter, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue(parameter, JsonSerializer.Serialize(keys));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
