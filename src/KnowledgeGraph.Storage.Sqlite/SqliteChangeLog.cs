using System.Text.Json;
using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>The change log: written with each import's transaction, read newest first.</summary>
public sealed partial class SqliteGraphStore : IChangeLog
{
    private const string ChangeColumns =
        "c.id, c.at, c.key_name, c.operation, "
        + "(SELECT json_group_array(json_array(n.node, n.outcome)) FROM (SELECT node, outcome FROM change_node n WHERE n.change = c.seq ORDER BY n.ordinal) n)";

    private const string ChangePredicate =
        "(@node IS NULL OR EXISTS (SELECT 1 FROM change_node n WHERE n.node = @node AND n.change = c.seq)) "
        + "AND (@key_name IS NULL OR c.key_name = @key_name) AND (@from IS NULL OR c.at >= @from) AND (@to IS NULL OR c.at < @to)";

    /// <inheritdoc />
    public Task<Page<ChangeEntry>> ListChangesAsync(ChangeQuery query, PageRequest page, CancellationToken cancellationToken) =>
        GuardAsync(() => ListChangesCoreAsync(query, page, cancellationToken), cancellationToken);

    /// <summary>Records <paramref name="entry"/> inside the write's own transaction.</summary>
    internal static async Task WriteChangeAsync(SqliteConnection connection, SqliteTransaction transaction, ChangeEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO change_log (id, at, key_name, operation) VALUES (@id, @at, @key_name, @operation);
            INSERT INTO change_node (change, ordinal, node, outcome)
                SELECT (SELECT seq FROM change_log WHERE id = @id), j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') FROM json_each(@nodes) j;
            """;
        command.Parameters.AddWithValue("@id", entry.Id);
        command.Parameters.AddWithValue("@at", InstantText.Write(entry.At));
        command.Parameters.AddWithValue("@key_name", entry.KeyName);
        command.Parameters.AddWithValue("@operation", entry.Operation);
        command.Parameters.AddWithValue("@nodes", JsonSerializer.Serialize(entry.Nodes.Select(n => new[] { ChangeEntry.NodeText(n.Id), EnumNames.ToWire(n.Outcome) })));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Page<ChangeEntry>> ListChangesCoreAsync(ChangeQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var window = ListWindow.Plan(page);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("@node", query.Node is { } node ? ChangeEntry.NodeText(node) : DBNull.Value);
        command.Parameters.AddWithValue("@key_name", (object?)query.KeyName ?? DBNull.Value);
        command.Parameters.AddWithValue("@from", query.From is { } from ? InstantText.Write(from) : DBNull.Value);
        command.Parameters.AddWithValue("@to", query.To is { } to ? InstantText.Write(to) : DBNull.Value);
        command.Parameters.AddWithValue("@skip", (long)window.Skip);
        command.Parameters.AddWithValue("@limit", (long)window.Limit);
        var order = window.FromTail ? "c.at ASC, c.id ASC" : "c.at DESC, c.id DESC";
        command.CommandText =
            (window.NeedsTotal ? $"SELECT count(*) FROM change_log c WHERE {ChangePredicate};\n" : string.Empty)
            + $"SELECT {ChangeColumns} FROM change_log c WHERE {ChangePredicate} ORDER BY {order} LIMIT @limit OFFSET @skip";

        var total = 0;
        var rows = new List<ChangeEntry>();
        await using var reader = await ExecuteAsync(command, cancellationToken);
        if (window.NeedsTotal)
        {
            await reader.ReadAsync(cancellationToken);
            total = checked((int)reader.GetInt64(0));
            await reader.NextResultAsync(cancellationToken);
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var nodes = JsonSerializer.Deserialize<string[][]>(reader.GetString(4)) ?? [];
            rows.Add(new ChangeEntry(
                reader.GetString(0),
                InstantText.Read(reader.GetString(1), 0),
                reader.GetString(2),
                reader.GetString(3),
                nodes.Select(n => new ChangedNode(ChangeEntry.ParseNode(n[0]), EnumNames.TryFromWire<RecordOutcome>(n[1], out var outcome) ? outcome : RecordOutcome.Updated)).ToArray()));
        }

        return window.Cut(rows, total, page);
    }
}
