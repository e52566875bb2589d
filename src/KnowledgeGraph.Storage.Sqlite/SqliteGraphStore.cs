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
public sealed class SqliteGraphStore : IGraphStore, IGraphStoreAdmin
{
    // Each expandable relation: the target rows (alias t) related to the parents named in the
    // JSON array {parents}, with the SQL expression that says which parent a row belongs to.
    private static readonly Dictionary<string, (TableMap Target, string With, string From, string Parent)> Expansions = new(StringComparer.Ordinal)
    {
        [Relations.PersonStatements.Name] = (TableMaps.Statement, string.Empty,
            "statement t WHERE t.speaker_person IN (SELECT value FROM json_each({parents}))", "t.speaker_person"),
        [Relations.OrganisationStatements.Name] = (TableMaps.Statement, string.Empty,
            "statement t WHERE t.speaker_organisation IN (SELECT value FROM json_each({parents}))", "t.speaker_organisation"),
        [Relations.OrganisationMembers.Name] = (TableMaps.Affiliation, string.Empty,
            "affiliation t WHERE t.organisation IN (SELECT value FROM json_each({parents}))", "t.organisation"),
        [Relations.PlaceContains.Name] = (TableMaps.Place, string.Empty,
            "place t WHERE t.contained_in IN (SELECT value FROM json_each({parents}))", "t.contained_in"),
        [Relations.PlaceStatementsAbout.Name] = (TableMaps.Statement, string.Empty,
            "statement_about r JOIN statement t ON t.key = r.statement WHERE r.place IN (SELECT value FROM json_each({parents}))", "r.place"),
        [Relations.PlaceStatementsAboutWithin.Name] = (TableMaps.Statement,
            // Containment to any depth; UNION (not UNION ALL) also makes a cycle harmless.
            "WITH RECURSIVE within(root, place) AS (SELECT value, value FROM json_each({parents}) "
            + "UNION SELECT within.root, p.key FROM place p JOIN within ON p.contained_in = within.place), "
            + "related(parent, statement) AS (SELECT DISTINCT within.root, s.statement FROM within JOIN statement_about s ON s.place = within.place) ",
            "related r JOIN statement t ON t.key = r.statement WHERE 1", "r.parent"),
        [Relations.StatementResponses.Name] = (TableMaps.Statement, string.Empty,
            "statement t WHERE t.responds_to IN (SELECT value FROM json_each({parents}))", "t.responds_to"),
        [Relations.NegotiationStatements.Name] = (TableMaps.Statement, string.Empty,
            "statement t WHERE t.negotiation IN (SELECT value FROM json_each({parents}))", "t.negotiation"),
        [Relations.ArticleStatements.Name] = (TableMaps.Statement, string.Empty,
            "evidence r JOIN statement t ON t.key = r.statement WHERE r.article IN (SELECT value FROM json_each({parents}))", "r.article"),
    };

    private readonly string _connectionString;
    private readonly RoundTripCounter _counter;

    /// <summary>Opens (and on <see cref="InitializeAsync"/> creates) the database at <paramref name="path"/>.</summary>
    public SqliteGraphStore(string path, RoundTripCounter counter)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _counter = counter;
        FilePath = full;
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<T>> GetAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        var map = MapOf<T>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new SqlFilter(command);
        command.CommandText = $"SELECT {map.Columns} FROM {map.Table} t WHERE t.key IN (SELECT value FROM json_each({sql.Parameter(JsonSerializer.Serialize(keys))}))";
        var result = new List<T>(keys.Count);
        await using var reader = await ExecuteAsync(command, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((T)map.Read(reader, 0));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<Page<T>> ListAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : Node
    {
        ArgumentNullException.ThrowIfNull(page);
        var map = MapOf<T>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new SqlFilter(command);
        var predicate = sql.Where(where, map, "t");
        var orderBy = SqlFilter.OrderBy(order, map, "t");
        var count = $"(SELECT count(*) FROM {map.Table} t WHERE {predicate})";
        var start = page.RangeStart;

        // The window [offset, offset + limit) in SQL, so that "last" without "before" (which needs
        // the count) is still one command. One extra row tells whether a next page exists.
        string offset, limit;
        if (page.Last is { } last)
        {
            var end = page.Before is { } before ? before.ToString(CultureInfo.InvariantCulture) : count;
            offset = $"max({start}, {end} - {last})";
            limit = $"max(0, {end} - {offset}) + 1";
        }
        else
        {
            var first = page.First ?? 0;
            offset = start.ToString(CultureInfo.InvariantCulture);
            limit = (page.Before is { } before ? Math.Max(0, Math.Min(first, before - start)) : first).ToString(CultureInfo.InvariantCulture) + " + 1";
        }

        command.CommandText =
            $"SELECT {offset}, {limit} - 1{(page.IncludeTotalCount ? ", " + count : string.Empty)};\n"
            + $"SELECT {map.Columns} FROM (SELECT t.rowid AS id FROM {map.Table} t WHERE {predicate} ORDER BY {orderBy} LIMIT {limit} OFFSET {offset}) w "
            + $"JOIN {map.Table} t ON t.rowid = w.id ORDER BY {orderBy}";

        await using var reader = await ExecuteAsync(command, cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var windowStart = checked((int)reader.GetInt64(0));
        var windowSize = Math.Max(0, checked((int)reader.GetInt64(1)));
        int? total = page.IncludeTotalCount ? checked((int)reader.GetInt64(2)) : null;
        await reader.NextResultAsync(cancellationToken);
        var items = new List<T>(windowSize + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add((T)map.Read(reader, 0));
        }

        var hasNext = items.Count > windowSize;
        if (hasNext)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new Page<T>(items, windowStart, windowStart > 0, hasNext, total);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, Page<T>>> ExpandAsync<T>(
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
        var result = parentKeys.Distinct(StringComparer.Ordinal)
            .ToDictionary(k => k, _ => Page<T>.Empty(page.IncludeTotalCount), StringComparer.Ordinal);
        if (result.Count == 0)
        {
            return result;
        }

        var (map, with, from, parent) = Expansions[relation.Name];
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new SqlFilter(command);
        var parents = sql.Parameter(JsonSerializer.Serialize(result.Keys));
        var predicate = sql.Where(where, map, "t");
        var orderBy = SqlFilter.OrderBy(order, map, "t");

        // Per parent: rows numbered in order and counted; keep the window, plus row 0 of every
        // parent so that its count (and the absence of a next page) is known even when the
        // window itself is empty. Columns are computed for the kept rows only.
        var start = page.RangeStart.ToString(CultureInfo.InvariantCulture);
        var end = page.Before is { } before ? $"min({before}, w.total)" : "w.total";
        var (low, high) = page.Last is { } last
            ? ($"max({start}, {end} - {last})", end)
            : (start, $"min({end}, {start} + {page.First ?? 0})");
        command.CommandText =
            with.Replace("{parents}", parents, StringComparison.Ordinal)
            + (with.Length > 0 ? ", " : "WITH ")
            + $"w AS (SELECT {parent} AS parent, t.rowid AS id, "
            + $"row_number() OVER (PARTITION BY {parent} ORDER BY {orderBy}) - 1 AS rn, "
            + $"count(*) OVER (PARTITION BY {parent}) AS total "
            + $"FROM {from.Replace("{parents}", parents, StringComparison.Ordinal)} AND {predicate}) "
            + $"SELECT w.parent, w.rn, w.total, w.rn >= {low} AND w.rn < {high}, {low}, {high}, {map.Columns} "
            + $"FROM w JOIN {map.Table} t ON t.rowid = w.id "
            + $"WHERE (w.rn >= {low} AND w.rn < {high}) OR w.rn = 0 ORDER BY w.parent, w.rn";

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
                entry.Items.Add((T)map.Read(reader, 6));
            }
        }

        foreach (var (key, (items, windowLow, windowHigh, total)) in pages)
        {
            var offset = Math.Min(windowLow, total);
            result[key] = new Page<T>(items, offset, offset > 0, Math.Max(windowHigh, offset) < total, page.IncludeTotalCount ? total : null);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(SqliteGraphStore).Assembly.GetManifestResourceStream("KnowledgeGraph.Storage.Sqlite.Schema.sql")
            ?? throw new InvalidOperationException("Schema.sql is not embedded.");
        using var text = new StreamReader(stream);
        var ddl = await text.ReadToEndAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ddl;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM article)";
        _counter.Increment();
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<NodeId>> ExistingAsync(IReadOnlyCollection<NodeId> keys, CancellationToken cancellationToken)
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

    /// <inheritdoc />
    public async Task ImportAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var defer = connection.CreateCommand())
        {
            // Records in a batch may refer to each other in any order; check at commit.
            defer.CommandText = "PRAGMA defer_foreign_keys = ON";
            await defer.ExecuteNonQueryAsync(cancellationToken);
        }

        var writer = new SqliteBatchWriter(connection, transaction);
        await writer.WriteAsync(batch, cancellationToken);
        _counter.Increment();
        await transaction.CommitAsync(cancellationToken);
    }

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

    private async Task<SqliteDataReader> ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        _counter.Increment();
        return await command.ExecuteReaderAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
