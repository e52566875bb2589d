using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Editing;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Editing beyond imports: merging a duplicate node into its survivor, retracting a statement,
/// and resolving keys that a merge redirected. Each write is one transaction.
/// </summary>
public sealed partial class SqliteGraphStore
{
    // The text of each key lookup, made once: it is the same for every call with the same parts.
    private static readonly ConcurrentDictionary<(TableMap Map, RecordParts Parts, bool Single), string> ResolveSql = new();

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, T>> ResolveAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node =>
        ResolveAsync<T>(keys, RecordParts.All, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, T>> ResolveAsync<T>(IReadOnlyCollection<string> keys, RecordParts parts, CancellationToken cancellationToken)
        where T : Node =>
        GuardAsync(() => ResolveCoreAsync<T>(keys, parts, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<NodeId, string>> RedirectsAsync(IReadOnlyCollection<NodeId> ids, CancellationToken cancellationToken) =>
        GuardAsync(() => RedirectsCoreAsync(ids, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Domain.Import.Redirect>> ListRedirectsAsync(CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<Domain.Import.Redirect>>(
            async () =>
            {
                await using var connection = await OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT type, key, survivor FROM redirect ORDER BY type, key";
                var result = new List<Domain.Import.Redirect>();
                await using var reader = await ExecuteAsync(command, cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    result.Add(new Domain.Import.Redirect(Enum.Parse<NodeType>(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
                }

                return result;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<MergeOutcome> MergeAsync(NodeId survivor, NodeId duplicate, ChangeEntry? change, CancellationToken cancellationToken) =>
        GuardAsync(() => MergeCoreAsync(survivor, duplicate, change, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<RetractOutcome> RetractAsync(string statementKey, string reason, DateTimeOffset at, ChangeEntry? change, CancellationToken cancellationToken) =>
        GuardAsync(() => RetractCoreAsync(statementKey, reason, at, change, cancellationToken), cancellationToken);

    private static NodeType TypeOf<T>()
        where T : Node =>
        typeof(T).Name switch
        {
            nameof(Person) => NodeType.Person,
            nameof(Organisation) => NodeType.Organisation,
            nameof(Place) => NodeType.Place,
            nameof(Statement) => NodeType.Statement,
            nameof(Negotiation) => NodeType.Negotiation,
            nameof(Article) => NodeType.Article,
            _ => throw new NotSupportedException($"{typeof(T).Name} is not stored."),
        };

    private async Task<IReadOnlyDictionary<string, T>> ResolveCoreAsync<T>(IReadOnlyCollection<string> keys, RecordParts parts, CancellationToken cancellationToken)
        where T : Node
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, T>(keys.Count, StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        var map = MapOf<T>();
        await using var connection = await _reads.RentAsync(cancellationToken);
        // One key (a point lookup, the commonest call) is bound as it is: no JSON array to write,
        // no json_each table. Several keys are not made distinct in SQL: a key given twice reads
        // its row twice into the same entry of the dictionary, which costs less than SQLite's
        // temporary index for DISTINCT on every call (the loaders give each key once anyway).
        var single = keys.Count == 1;
        connection.Builder.Parameters.AddWithValue("@keys", single ? keys.First() : JsonSerializer.Serialize(keys));
        connection.Builder.Parameters.AddWithValue("@type", TypeOf<T>().ToString());
        // The key asked for comes back only when it was redirected; otherwise it is the record's
        // own key, and no second copy of it is read.
        var command = connection.Command(ResolveSql.GetOrAdd((map, parts, single), static key =>
            $"SELECT r.key, {key.Map.ColumnsFor(key.Parts)} FROM "
            + (key.Single ? "(SELECT @keys AS value) k " : "json_each(@keys) k ")
            + "LEFT JOIN redirect r ON r.type = @type AND r.key = k.value "
            + $"JOIN {key.Map.Table} t ON t.key = coalesce(r.survivor, k.value)"));
        await using var reader = await ExecuteAsync(command, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new SqliteRow(reader);
            var node = (T)map.Read(row, 1);
            result[row.GetNullableString(0) ?? node.Key] = node;
        }

        return result;
    }

    private async Task<IReadOnlyDictionary<NodeId, string>> RedirectsCoreAsync(IReadOnlyCollection<NodeId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new Dictionary<NodeId, string>();
        if (ids.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT r.type, r.key, r.survivor FROM json_each(@ids) i "
            + "JOIN redirect r ON r.type = json_extract(i.value, '$[0]') AND r.key = json_extract(i.value, '$[1]')";
        command.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(ids.Select(i => new[] { i.Type.ToString(), i.Key })));
        await using var reader = await ExecuteAsync(command, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[new NodeId(Enum.Parse<NodeType>(reader.GetString(0)), reader.GetString(1))] = reader.GetString(2);
        }

        return result;
    }

    private async Task<MergeOutcome> MergeCoreAsync(NodeId survivor, NodeId duplicate, ChangeEntry? change, CancellationToken cancellationToken)
    {
        if (survivor.Type != duplicate.Type || survivor == duplicate || survivor.Type == NodeType.Article)
        {
            throw new ArgumentException("Only two different nodes of one type, not articles, can be merged.", nameof(duplicate));
        }

        var type = survivor.Type;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await PragmaAsync(connection, "PRAGMA defer_foreign_keys = ON", cancellationToken);

        SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("@s", survivor.Key);
            command.Parameters.AddWithValue("@d", duplicate.Key);
            command.Parameters.AddWithValue("@type", type.ToString());
            return command;
        }

        async Task RunAsync(string sql)
        {
            await using var command = Command(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var exists = Command(SqliteMerge.Exists(type)))
        {
            await using var reader = await exists.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.GetInt64(0) == 0)
            {
                return MergeOutcome.SurvivorNotFound;
            }

            if (reader.GetInt64(1) == 0)
            {
                return MergeOutcome.DuplicateNotFound;
            }
        }

        if (SqliteMerge.Cycle(type) is { } cycle)
        {
            await using var above = Command(cycle);
            if (Convert.ToInt64(await above.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0)
            {
                return MergeOutcome.Cycle;
            }
        }

        foreach (var sql in SqliteMerge.Moves(type))
        {
            await RunAsync(sql);
        }

        await RunAsync(SqliteMerge.Delete(type));
        if (type == NodeType.Place)
        {
            await SqliteContainment.UpdatePlacesAsync(connection, transaction, [survivor.Key], cancellationToken);
        }

        foreach (var sql in SqliteMerge.Derived(type))
        {
            await RunAsync(sql);
        }

        await RunAsync(SqliteMerge.Redirect);
        if (change is not null)
        {
            await WriteChangeAsync(connection, transaction, change, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return MergeOutcome.Merged;
    }

    private async Task<RetractOutcome> RetractCoreAsync(string statementKey, string reason, DateTimeOffset at, ChangeEntry? change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statementKey);
        ArgumentNullException.ThrowIfNull(reason);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT retracted FROM statement WHERE key = @key;\n"
            + "UPDATE statement SET retracted = 1, retraction_reason = @reason, retracted_at = @at WHERE key = @key AND retracted = 0";
        command.Parameters.AddWithValue("@key", statementKey);
        command.Parameters.AddWithValue("@reason", reason);
        command.Parameters.AddWithValue("@at", InstantText.Write(at));
        RetractOutcome outcome;
        await using (var reader = await ExecuteAsync(command, cancellationToken))
        {
            outcome = !await reader.ReadAsync(cancellationToken) ? RetractOutcome.NotFound
                : reader.GetInt64(0) != 0 ? RetractOutcome.AlreadyRetracted
                : RetractOutcome.Retracted;
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        if (outcome == RetractOutcome.Retracted && change is not null)
        {
            await WriteChangeAsync(connection, transaction, change, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }
}
