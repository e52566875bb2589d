using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>The store port over an embedded SQLite file: one SQL command per port call.</summary>
public sealed partial class SqliteGraphStore : IGraphStore, IGraphStoreAdmin, IDisposable
{
    // Each expandable relation: the target rows (alias t) related to the parents named in the
    // JSON array {parents}, with the SQL expression that says which parent a row belongs to,
    // and, where the relation goes through a link table, the link column that equals t.key.
    internal static readonly Dictionary<string, Expansion> Expansions = new(StringComparer.Ordinal)
    {
        [Relations.PersonStatements.Name] = new(TableMaps.Statement,
            "statement t WHERE t.speaker_person " + InParents, "t.speaker_person"),
        [Relations.OrganisationStatements.Name] = new(TableMaps.Statement,
            "statement t WHERE t.speaker_organisation " + InParents, "t.speaker_organisation"),
        [Relations.OrganisationMembers.Name] = new(TableMaps.Affiliation,
            "affiliation t WHERE t.organisation " + InParents, "t.organisation"),
        [Relations.PlaceContains.Name] = new(TableMaps.Place,
            "place t WHERE t.contained_in " + InParents, "t.contained_in"),
        [Relations.PlaceStatementsAbout.Name] = new(TableMaps.Statement,
            "statement_about r JOIN statement t ON t.key = r.statement WHERE r.place " + InParents, "r.place", "r.statement"),
        [Relations.PlaceStatementsAboutWithin.Name] = new(TableMaps.Statement,
            // statement_within is statement_about closed under containment (SqliteContainment):
            // one row per (place or any place containing it, statement), so no duplicates.
            "statement_within r JOIN statement t ON t.key = r.statement WHERE r.place " + InParents, "r.place", "r.statement"),
        [Relations.StatementResponses.Name] = new(TableMaps.Statement,
            "statement t WHERE t.responds_to " + InParents, "t.responds_to"),
        [Relations.NegotiationStatements.Name] = new(TableMaps.Statement,
            "statement t WHERE t.negotiation " + InParents, "t.negotiation"),
        [Relations.ArticleStatements.Name] = new(TableMaps.Statement,
            "evidence r JOIN statement t ON t.key = r.statement WHERE r.article " + InParents, "r.article", "r.statement"),
    };

    private const string InParents = "IN (SELECT value FROM json_each({parents}))";

    private readonly string _connectionString;
    private readonly ReadConnections _reads;

    /// <summary>Opens (and on <see cref="InitializeAsync"/> creates) the database at <paramref name="path"/>.</summary>
    public SqliteGraphStore(string path)
        : this(path, SqliteStoreOptions.DefaultBusyTimeout)
    {
    }

    /// <summary>
    /// Opens the database at <paramref name="path"/>; a call waits up to <paramref name="busyTimeout"/>
    /// (whole seconds, at least one) for a lock another connection holds, then fails with
    /// <see cref="StoreException.Unavailable"/>.
    /// </summary>
    public SqliteGraphStore(string path, TimeSpan busyTimeout)
        : this(path, busyTimeout, SqliteStoreOptions.DefaultReadCacheKiB)
    {
    }

    /// <summary>
    /// Opens the database at <paramref name="path"/> (see <see cref="SqliteGraphStore(string, TimeSpan)"/>),
    /// each read connection with a page cache of <paramref name="readCacheKiB"/> KiB.
    /// </summary>
    public SqliteGraphStore(string path, TimeSpan busyTimeout, int readCacheKiB)
        : this(path, busyTimeout, readCacheKiB, SqliteStoreOptions.DefaultMemoryMapMiB)
    {
    }

    /// <summary>
    /// Opens the database at <paramref name="path"/> (see <see cref="SqliteGraphStore(string, TimeSpan)"/>),
    /// each read connection with a page cache of <paramref name="readCacheKiB"/> KiB and the first
    /// <paramref name="memoryMapMiB"/> MiB of the file mapped into memory (0: none).
    /// </summary>
    public SqliteGraphStore(string path, TimeSpan busyTimeout, int readCacheKiB, int memoryMapMiB)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(readCacheKiB);
        ArgumentOutOfRangeException.ThrowIfNegative(memoryMapMiB);
        ArgumentException.ThrowIfNullOrEmpty(path);
        SqliteLibrary.EnsureConfigured();
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
        FilePath = full;
        _reads = new ReadConnections(_connectionString, ReadConnectionsKept, StatementsKeptPerConnection, readCacheKiB, memoryMapMiB * 1_048_576L);
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    private async Task<IReadOnlyList<T>> GetCoreAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        var map = MapOf<T>();
        await using var connection = await _reads.RentAsync(cancellationToken);
        var sql = new SqlFilter(connection.Builder);
        var command = connection.Command($"SELECT {map.Columns} FROM {map.Table} t WHERE t.key IN (SELECT value FROM json_each({sql.Parameter(JsonSerializer.Serialize(keys))}))");
        var result = new List<T>(keys.Count);
        await using var reader = await ExecuteAsync(command, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((T)map.Read(new SqliteRow(reader), 0));
        }

        return result;
    }

    private async Task<Page<T>> ListCoreAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : Node
    {
        ArgumentNullException.ThrowIfNull(page);
        if (SortPosition.AppliesTo(order))
        {
            return await ListByPositionAsync<T>(where, order, page, cancellationToken);
        }

        var map = MapOf<T>();
        await using var connection = await _reads.RentAsync(cancellationToken);
        FilterShape.EnsureTranslatable(where);
        var sql = new SqlFilter(connection.Builder);
        var predicate = sql.Where(where, map, "t");
        var orderBy = SqlFilter.OrderBy(order, map, "t");
        var count = $"(SELECT count(*) FROM {map.Table} t WHERE {predicate})";

        // The window [offset, offset + limit) in SQL, so that "last" without "before" (which needs
        // the count) is still one command: PageWindow.Within said over the count. One extra row
        // tells whether a next page exists.
        string offset, limit;
        if (PageWindow.WithoutTotal(page) is { } known)
        {
            offset = known.Offset.ToString(CultureInfo.InvariantCulture);
            limit = known.Size.ToString(CultureInfo.InvariantCulture) + " + 1";
        }
        else
        {
            offset = $"max({page.RangeStart}, {count} - {page.Last})";
            limit = $"max(0, {count} - {offset}) + 1";
        }

        var command = connection.Command(
            $"SELECT {offset}, {limit} - 1{(page.IncludeTotalCount ? ", " + count : string.Empty)};\n"
            + $"SELECT {map.ColumnsFor(page.Parts)} FROM (SELECT t.rowid AS id FROM {map.Table} t WHERE {predicate} ORDER BY {orderBy} LIMIT {limit} OFFSET {offset}) w "
            + $"JOIN {map.Table} t ON t.rowid = w.id ORDER BY {orderBy}");

        await using var reader = await ExecuteAsync(command, cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var window = new PageWindow(checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)));
        int? total = page.IncludeTotalCount ? checked((int)reader.GetInt64(2)) : null;
        await reader.NextResultAsync(cancellationToken);
        var items = new List<T>(Math.Max(0, window.Size) + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add((T)map.Read(new SqliteRow(reader), 0));
        }

        return window.FromRowsWithOneMore(items, total);
    }

    private async Task<IReadOnlyDictionary<string, Page<T>>> ExpandCoreAsync<T>(
        Relation<T> relation,
        IReadOnlyCollection<string> parentKeys,
        Filter? where,
        IReadOnlyList<SortField> order,
        PageRequest page,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(parentKeys);
        ArgumentNullException.ThrowIfNull(page);
        var result = Page<T>.EmptyFor(parentKeys, page.IncludeTotalCount);
        if (result.Count == 0)
        {
            return result;
        }

        var (map, from, parent, keyColumn) = Expansions[relation.Name];
        await using var connection = await _reads.RentAsync(cancellationToken);
        FilterShape.EnsureTranslatable(where);
        var sql = new SqlFilter(connection.Builder);
        var predicate = sql.Where(where, map, "t");

        // With no sort fields the order is the key alone; the link column equal to the key
        // gives the same order, and SQLite can read it from the link table's index.
        var orderBy = order.Count == 0 && keyColumn is not null ? keyColumn : SqlFilter.OrderBy(order, map, "t");
        var parents = sql.Parameter(JsonSerializer.Serialize(result.Keys));
        if (page.Last is null && page.Before is null)
        {
            await ExpandFirstAsync(connection, map, from, predicate, orderBy, SqlFilter.OrderBy(order, map, "t"), parents, page, result, cancellationToken);
            return result;
        }

        // Per parent: rows numbered in order and counted; keep the window, plus row 0 of every
        // parent so that its count (and the absence of a next page) is known even when the
        // window itself is empty. Columns are computed for the kept rows only.
        var start = page.RangeStart.ToString(CultureInfo.InvariantCulture);
        var end = page.Before is { } before ? $"min({before}, w.total)" : "w.total";
        var (low, high) = page.Last is { } last
            ? ($"max({start}, {end} - {last})", end)
            : (start, $"min({end}, {start} + {page.First ?? 0})");
        var command = connection.Command(
            $"WITH w AS (SELECT {parent} AS parent, t.rowid AS id, "
            + $"row_number() OVER (PARTITION BY {parent} ORDER BY {orderBy}) - 1 AS rn, "
            + $"count(*) OVER (PARTITION BY {parent}) AS total "
            + $"FROM {from.Replace("{parents}", parents, StringComparison.Ordinal)} AND {predicate}) "
            + $"SELECT w.parent, w.rn, w.total, w.rn >= {low} AND w.rn < {high}, {low}, {high}, {map.ColumnsFor(page.Parts)} "
            + $"FROM w JOIN {map.Table} t ON t.rowid = w.id "
            + $"WHERE (w.rn >= {low} AND w.rn < {high}) OR w.rn = 0 ORDER BY w.parent, w.rn");

        var pages = new Dictionary<string, (List<T> Items, int Low, int High, int Total)>(StringComparer.Ordinal);
        await using var reader = await ExecuteAsync(command, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            if (!pages.TryGetValue(key, out var entry))
            {
                entry = ([], checked((int)reader.GetInt64(4)), checked((int)reader.GetInt64(5)), checked((int)reader.GetInt64(2)));
                pages[key] = entry;
            }

            if (reader.GetInt64(3) != 0)
            {
                entry.Items.Add((T)map.Read(new SqliteRow(reader), 6));
            }
        }

        foreach (var (key, (items, windowLow, windowHigh, total)) in pages)
        {
            result[key] = new PageWindow(windowLow, windowHigh - windowLow).FromWindowOf(items, total, page.IncludeTotalCount);
        }

        return result;
    }

    /// <summary>
    /// The usual request — the first n rows of each parent, from the start or after a cursor —
    /// as a top-n per parent (<c>ORDER BY … LIMIT</c> in a subquery correlated with the parent),
    /// which SQLite answers by seeking each parent in an index and, when that index is in the
    /// requested order, stopping at the window's end. The windowed query (below) numbers and
    /// counts every row of every parent instead. Both give the same page: offset
    /// min(start, total), a next page when a row beyond the window exists, and the count only
    /// when asked for.
    /// </summary>
    private static async Task ExpandFirstAsync<T>(
        ReadConnection connection,
        TableMap map,
        string from,
        string predicate,
        string orderBy,
        string rowOrder,
        string parents,
        PageRequest page,
        Dictionary<string, Page<T>> result,
        CancellationToken cancellationToken)
        where T : class
    {
        var start = page.RangeStart;
        var first = page.First ?? 0;
        var rows = $"{from.Replace(InParents, "= kg_parent.value", StringComparison.Ordinal)} AND {predicate}";
        var counted = start > 0 || page.IncludeTotalCount;
        var command = connection.Command(
            (counted
                ? $"SELECT kg_parent.value, {(start == 0 ? "0" : $"(SELECT count(*) FROM (SELECT 1 FROM {rows} LIMIT {start}))")}, "
                    + $"{(page.IncludeTotalCount ? $"(SELECT count(*) FROM {rows})" : "NULL")} FROM json_each({parents}) kg_parent;\n"
                : string.Empty)
            + $"SELECT kg_parent.value, {map.ColumnsFor(page.Parts)} FROM json_each({parents}) kg_parent "
            + $"JOIN {map.Table} t ON t.rowid IN (SELECT t.rowid FROM {rows} ORDER BY {orderBy} LIMIT {first + 1} OFFSET {start}) "
            + $"ORDER BY kg_parent.value, {rowOrder}");

        var windows = new Dictionary<string, (int Offset, int? Total)>(StringComparer.Ordinal);
        var items = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        await using var reader = await ExecuteAsync(command, cancellationToken);
        if (counted)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                windows[reader.GetString(0)] = (checked((int)reader.GetInt64(1)), page.IncludeTotalCount ? checked((int)reader.GetInt64(2)) : null);
            }

            await reader.NextResultAsync(cancellationToken);
        }

        // Rows come grouped by parent: the parent's key is made into a string once per parent,
        // not once per row, by comparing each row's bytes with the previous parent's.
        byte[] parentBytes = [];
        List<T>? parentRows = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new SqliteRow(reader);
            var raw = row.GetUtf8(0);
            if (parentRows is null || !raw.SequenceEqual(parentBytes))
            {
                var key = row.GetString(0);
                parentBytes = raw.ToArray();
                if (!items.TryGetValue(key, out parentRows))
                {
                    items[key] = parentRows = [];
                }
            }

            parentRows.Add((T)map.Read(row, 1));
        }

        foreach (var key in result.Keys)
        {
            var (offset, total) = windows.TryGetValue(key, out var window) ? window : (0, page.IncludeTotalCount ? 0 : (int?)null);
            var list = items.TryGetValue(key, out var found) ? found : [];
            result[key] = new PageWindow(offset, first).FromRowsWithOneMore(list, total);
        }
    }

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(SqliteGraphStore).Assembly.GetManifestResourceStream("KnowledgeGraph.Storage.Sqlite.Schema.sql")
            ?? throw new InvalidOperationException("Schema.sql is not embedded.");
        using var text = new StreamReader(stream);
        var ddl = await text.ReadToEndAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ddl;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await MigrateAsync(connection, cancellationToken);
        _reads.Invalidate();
    }

    private async Task<bool> IsEmptyCoreAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM article)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }

    private async Task<IReadOnlySet<NodeId>> ExistingCoreAsync(IReadOnlyCollection<NodeId> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new HashSet<NodeId>();
        if (keys.Count == 0)
        {
            return found;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new SqlFilter(command);
        var parts = keys.GroupBy(k => k.Type).Select(g =>
            $"SELECT '{g.Key}', key FROM {TableOf(g.Key)} WHERE key IN (SELECT value FROM json_each({sql.Parameter(JsonSerializer.Serialize(g.Select(k => k.Key)))}))");
        command.CommandText = string.Join(" UNION ALL ", parts);
        await using var reader = await ExecuteAsync(command, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new NodeId(Enum.Parse<NodeType>(reader.GetString(0)), reader.GetString(1)));
        }

        return found;
    }

    private async Task ImportCoreAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await OpenAsync(cancellationToken);

        // An import is one transaction and commits once, so NORMAL (which in WAL mode still
        // never corrupts the file, and loses at most the last commits on power loss) saves the
        // sync of every WAL frame; a larger page cache keeps the indexes being written in
        // memory. Both are restored before the connection goes back to the pool.
        var synchronous = await ScalarAsync(connection, "PRAGMA synchronous", cancellationToken);
        var cacheSize = await ScalarAsync(connection, "PRAGMA cache_size", cancellationToken);
        await PragmaAsync(connection, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144", cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

            // Records in a batch may refer to each other in any order; check at commit.
            await PragmaAsync(connection, "PRAGMA defer_foreign_keys = ON", cancellationToken);
            await using (var writer = new SqliteBatchWriter(connection, transaction))
            {
                await writer.WriteAsync(batch, cancellationToken);
                await writer.WriteRedirectsAsync(batch, cancellationToken);
            }

            await SqliteContainment.UpdateAsync(connection, transaction, batch, cancellationToken);
            if (batch.Change is { } change)
            {
                await WriteChangeAsync(connection, transaction, change, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await PragmaAsync(connection, $"PRAGMA synchronous = {synchronous}; PRAGMA cache_size = {cacheSize}", CancellationToken.None);
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task PragmaAsync(SqliteConnection connection, string pragmas, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How a relation is expanded.</summary>
    /// <param name="Target">The related records' table.</param>
    /// <param name="From">The related rows (alias t), with <c>{parents}</c> for the JSON array of parent keys.</param>
    /// <param name="Parent">The parent key of a row.</param>
    /// <param name="Key">A link-table column equal to <c>t.key</c> by the join, whose index order
    /// per parent is key order, so that the default order (by key) is read from the index.</param>
    internal sealed record Expansion(TableMap Target, string From, string Parent, string? Key = null);

    private static string TableOf(NodeType type) => type switch
    {
        NodeType.Person => "person",
        NodeType.Organisation => "organisation",
        NodeType.Place => "place",
        NodeType.Statement => "statement",
        NodeType.Negotiation => "negotiation",
        NodeType.Article => "article",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static TableMap MapOf<T>() =>
        TableMaps.ByType.TryGetValue(typeof(T), out var map)
            ? map
            : throw new NotSupportedException($"{typeof(T).Name} is not stored.");

    private static async Task<SqliteDataReader> ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken) =>
        await command.ExecuteReaderAsync(cancellationToken);

    /// <summary>A new connection to the file, its functions registered, interrupted when <paramref name="cancellationToken"/> fires.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new InterruptibleConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        SqliteFunctions.Register(connection);
        connection.InterruptOn(cancellationToken);
        return connection;
    }
}
