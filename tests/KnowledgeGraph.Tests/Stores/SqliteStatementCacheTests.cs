using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>
/// The SQLite store keeps its read connections open and their statements compiled: a repeated
/// call reuses the statement, the kept statements are bounded, dropped after the store's own DDL,
/// right after another connection's, and a statement interrupted by a cancelled call runs again.
/// On real SQLite files.
/// </summary>
public sealed class SqliteStatementCacheTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new("kg-statements");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Repeated_lookups_compile_their_statement_once_and_reuse_it()
    {
        using var store = await SeededAsync();
        store.ClearIdleConnections();

        foreach (var key in new[] { "dmitry-medvedev", "dmitry-medvedev", "kyrylo-budanov" })
        {
            var found = await store.ResolveAsync<Person>([key], Cancel);
            Assert.Equal([key], found.Keys);
        }

        var medvedev = (await store.ResolveAsync<Person>(["dmitry-medvedev"], Cancel))["dmitry-medvedev"];
        Assert.Equal(
            [new Affiliation("dmitry-medvedev", "security-council-of-russia", "deputy chair", true), new Affiliation("dmitry-medvedev", "government-of-russia", "president", false)],
            medvedev.Affiliations);

        // One call at a time: one connection, one statement, compiled once and reused three times.
        var statements = Assert.Single(store.Reads.IdleStatements());
        Assert.Equal((1L, 3L, 1), (statements.Prepared, statements.Reused, statements.Count));
    }

    [Fact]
    public async Task Each_connection_keeps_at_most_its_bound_least_recently_used_first_out()
    {
        await using var connection = await OpenAsync(Path.Combine(_scratch.Path, "bound.db"));
        using var cache = new StatementCache(connection, capacity: 2);
        using var parameters = new SqliteCommand();

        Assert.Equal(1L, await ScalarAsync(cache.Get("SELECT 1", parameters.Parameters)));
        Assert.Equal(2L, await ScalarAsync(cache.Get("SELECT 2", parameters.Parameters)));
        Assert.Equal(1L, await ScalarAsync(cache.Get("SELECT 1", parameters.Parameters)));
        Assert.Equal(3L, await ScalarAsync(cache.Get("SELECT 3", parameters.Parameters)));

        // "SELECT 2" was the least recently used: it went, and comes back compiled anew.
        Assert.Equal((3L, 1L, 1L, 2), (cache.Prepared, cache.Reused, cache.Evicted, cache.Count));
        Assert.Equal(2L, await ScalarAsync(cache.Get("SELECT 2", parameters.Parameters)));
        Assert.Equal((4L, 1L, 2L, 2), (cache.Prepared, cache.Reused, cache.Evicted, cache.Count));
    }

    [Fact]
    public async Task SQL_longer_than_the_bound_is_compiled_for_its_call_only()
    {
        await using var connection = await OpenAsync(Path.Combine(_scratch.Path, "long.db"));
        using var cache = new StatementCache(connection, capacity: 4);
        using var parameters = new SqliteCommand();
        var sql = "SELECT 7 " + new string(' ', StatementCache.MaxKeptLength);

        Assert.Equal(7L, await ScalarAsync(cache.Get(sql, parameters.Parameters)));
        Assert.Equal(7L, await ScalarAsync(cache.Get(sql, parameters.Parameters)));

        Assert.Equal((2L, 0L, 0), (cache.Prepared, cache.Reused, cache.Count));
    }

    [Fact]
    public async Task Parameters_are_bound_afresh_on_every_execution()
    {
        await using var connection = await OpenAsync(Path.Combine(_scratch.Path, "parameters.db"));
        using var cache = new StatementCache(connection, capacity: 4);
        using var parameters = new SqliteCommand();
        const string Sql = "SELECT count(*) FROM json_each(@p0)";

        parameters.Parameters.AddWithValue("@p0", "[1, 2, 3]");
        Assert.Equal(3L, await ScalarAsync(cache.Get(Sql, parameters.Parameters)));
        Assert.Empty(parameters.Parameters);
        parameters.Parameters.AddWithValue("@p0", "[]");
        Assert.Equal(0L, await ScalarAsync(cache.Get(Sql, parameters.Parameters)));
        Assert.Equal((1L, 1L), (cache.Prepared, cache.Reused));
    }

    [Fact]
    public async Task Initialising_the_store_again_drops_every_kept_statement()
    {
        using var store = await SeededAsync();
        store.ClearIdleConnections();
        await store.ResolveAsync<Person>(["dmitry-medvedev"], Cancel);
        Assert.Equal(1, Assert.Single(store.Reads.IdleStatements()).Count);

        await store.InitializeAsync(Cancel);
        var after = await store.ResolveAsync<Person>(["dmitry-medvedev"], Cancel);

        Assert.Equal("Dmitry Medvedev", after["dmitry-medvedev"].Name);
        // The same connection compiled the lookup a second time instead of reusing it.
        var statements = Assert.Single(store.Reads.IdleStatements());
        Assert.Equal((2L, 0L, 1), (statements.Prepared, statements.Reused, statements.Count));
    }

    [Fact]
    public async Task A_kept_statement_answers_for_the_schema_another_connection_changed()
    {
        using var store = await SeededAsync();
        store.ClearIdleConnections();
        var before = await store.ListAsync<Person>(null, [], new Domain.Query.PageRequest(10, null, null, null, true), Cancel);

        // Another connection rebuilds the table the kept statement reads: new column, new rowids,
        // no index on the name any more.
        await using (var other = await OpenAsync(store.FilePath))
        {
            await using var command = other.CreateCommand();
            command.CommandText = """
                PRAGMA foreign_keys = OFF;
                BEGIN;
                CREATE TABLE person_new AS SELECT 'unused' AS nickname, * FROM person ORDER BY key DESC;
                DROP TABLE person;
                CREATE TABLE person (nickname TEXT, key TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]', description TEXT);
                INSERT INTO person SELECT nickname, key, name, aliases, description FROM person_new;
                DROP TABLE person_new;
                COMMIT;
                """;
            await command.ExecuteNonQueryAsync(Cancel);
        }

        var after = await store.ListAsync<Person>(null, [], new Domain.Query.PageRequest(10, null, null, null, true), Cancel);

        Assert.Equal(before.Items, after.Items, (a, b) => a.Key == b.Key && a.Name == b.Name && a.Affiliations.SequenceEqual(b.Affiliations));
        Assert.Equal(before.TotalCount, after.TotalCount);
        var statements = Assert.Single(store.Reads.IdleStatements());
        Assert.Equal((1L, 1L), (statements.Prepared, statements.Reused));
    }

    [Fact]
    public async Task A_kept_statement_is_recompiled_for_a_column_added_since()
    {
        var path = Path.Combine(_scratch.Path, "columns.db");
        await using var connection = await OpenAsync(path);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE probe (a INTEGER); INSERT INTO probe VALUES (1);";
            await create.ExecuteNonQueryAsync(Cancel);
        }

        using var cache = new StatementCache(connection, capacity: 4);
        using var parameters = new SqliteCommand();
        Assert.Equal(1, await FieldCountAsync(cache.Get("SELECT * FROM probe", parameters.Parameters)));

        await using (var other = await OpenAsync(path))
        {
            await using var alter = other.CreateCommand();
            alter.CommandText = "ALTER TABLE probe ADD COLUMN b TEXT";
            await alter.ExecuteNonQueryAsync(Cancel);
        }

        Assert.Equal(2, await FieldCountAsync(cache.Get("SELECT * FROM probe", parameters.Parameters)));
        Assert.Equal((1L, 1L), (cache.Prepared, cache.Reused));
    }

    [Fact]
    public async Task A_statement_interrupted_by_cancellation_runs_again_from_the_cache()
    {
        var path = Path.Combine(_scratch.Path, "interrupt.db");
        using var reads = new ReadConnections(ConnectionString(path), maxIdle: 1, statementsPerConnection: 4, cacheKiB: 2000, mapBytes: 0);
        const string Count = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < @n) SELECT count(*) FROM c";

        // A call that ends normally first: the interrupt must work on a connection given back before.
        using (var unused = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            await using var connection = await reads.RentAsync(unused.Token);
            connection.Builder.Parameters.AddWithValue("@n", 10L);
            Assert.Equal(10L, await ScalarAsync(connection.Command(Count)));
        }

        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            await using var connection = await reads.RentAsync(timeout.Token);
            connection.Builder.Parameters.AddWithValue("@n", long.MaxValue);
            var command = connection.Command(Count);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(200));
            var failure = await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync(command));
            Assert.Equal(9, failure.SqliteErrorCode & 0xFF); // SQLITE_INTERRUPT
        }

        await using (var connection = await reads.RentAsync(Cancel))
        {
            connection.Builder.Parameters.AddWithValue("@n", 1000L);
            Assert.Equal(1000L, await ScalarAsync(connection.Command(Count)));
            Assert.Equal((1L, 2L), (connection.Statements.Prepared, connection.Statements.Reused));
        }

        Assert.Equal(1, reads.IdleCount);
    }

    [Fact]
    public async Task Idle_connections_beyond_the_bound_are_closed()
    {
        using var reads = new ReadConnections(ConnectionString(Path.Combine(_scratch.Path, "idle.db")), maxIdle: 1, statementsPerConnection: 4, cacheKiB: 2000, mapBytes: 0);
        var first = await reads.RentAsync(Cancel);
        var second = await reads.RentAsync(Cancel);

        await first.DisposeAsync();
        await second.DisposeAsync();

        Assert.Equal(1, reads.IdleCount);
        Assert.Equal(System.Data.ConnectionState.Closed, second.Connection.State);
        await using var again = await reads.RentAsync(Cancel);
        Assert.Same(first, again);
    }

    [Fact]
    public async Task One_key_and_several_keys_resolve_alike_through_redirects()
    {
        using var store = await SeededAsync();
        Assert.Equal(
            Domain.Editing.MergeOutcome.Merged,
            await store.MergeAsync(new NodeId(NodeType.Person, "dmitry-medvedev"), new NodeId(NodeType.Person, "kyrylo-budanov"), null, Cancel));

        // One key is bound as it is, several go through a JSON array: both follow the redirect.
        var one = await store.ResolveAsync<Person>(["kyrylo-budanov"], Cancel);
        var several = await store.ResolveAsync<Person>(["kyrylo-budanov", "dmitry-medvedev", "kyrylo-budanov", "no-such-person"], Cancel);
        var missing = await store.ResolveAsync<Person>(["no-such-person"], Cancel);

        Assert.Equal(["kyrylo-budanov"], one.Keys);
        Assert.Equal("dmitry-medvedev", one["kyrylo-budanov"].Key);
        Assert.Equal(["dmitry-medvedev", "kyrylo-budanov"], several.Keys.Order(StringComparer.Ordinal));
        Assert.All(several.Values, p => Assert.Equal("dmitry-medvedev", p.Key));
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Read_connections_have_the_page_cache_they_are_given()
    {
        var path = Path.Combine(_scratch.Path, "cache.db");
        using (var store = new SqliteGraphStore(path, SqliteStoreOptions.DefaultBusyTimeout, readCacheKiB: 4096))
        {
            await store.InitializeAsync(Cancel);
            Assert.Equal(-4096L, await CacheSizeAsync(store));
        }

        using (var store = new SqliteGraphStore(path))
        {
            Assert.Equal(-(long)SqliteStoreOptions.DefaultReadCacheKiB, await CacheSizeAsync(store));
        }
    }

    [Fact]
    public async Task Read_connections_map_as_much_of_the_file_as_they_are_given()
    {
        var path = Path.Combine(_scratch.Path, "map.db");
        using (var store = new SqliteGraphStore(path, SqliteStoreOptions.DefaultBusyTimeout, readCacheKiB: 4096, memoryMapMiB: 16))
        {
            await store.InitializeAsync(Cancel);
            Assert.Equal(16L * 1_048_576, await MapSizeAsync(store));
        }

        using (var store = new SqliteGraphStore(path, SqliteStoreOptions.DefaultBusyTimeout, readCacheKiB: 4096, memoryMapMiB: 0))
        {
            Assert.Equal(0L, await MapSizeAsync(store));
        }

        // The default asks for 2 GiB; the bundled SQLite maps at most its compiled limit,
        // SQLITE_MAX_MMAP_SIZE = 0x7fff0000 (2 GiB less 64 KiB).
        using (var store = new SqliteGraphStore(path))
        {
            Assert.Equal(0x7fff0000L, await MapSizeAsync(store));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteGraphStore(path, SqliteStoreOptions.DefaultBusyTimeout, readCacheKiB: 4096, memoryMapMiB: -1));
    }

    [Theory]
    [InlineData("Sqlite:ReadCacheKiB", "8192", "PRAGMA cache_size", -8192L)]
    [InlineData("Sqlite:MemoryMapMiB", "64", "PRAGMA mmap_size", 64L * 1_048_576)]
    public async Task The_host_gives_read_connections_the_configured_setting(string setting, string value, string pragma, long expected)
    {
        await using var factory = new ApiFactory(_scratch.Path) { Settings = { [setting] = value, ["Seed:Enabled"] = "false" } };
        using var client = factory.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);

        Assert.Equal(expected, await PragmaAsync(factory.Services.GetRequiredService<SqliteGraphStore>(), pragma));
    }

    [Theory]
    [InlineData("--Sqlite:ReadCacheKiB=0", "Sqlite:ReadCacheKiB (KG_SQLITE__READCACHEKIB) is the page cache of each read connection in KiB and must be at least 1; it is 0.")]
    [InlineData("--Sqlite:MemoryMapMiB=-1", "Sqlite:MemoryMapMiB (KG_SQLITE__MEMORYMAPMIB) is how much of the file read connections map into memory in MiB and must be 0 (none) or more; it is -1.")]
    public async Task A_setting_out_of_range_stops_the_host_saying_which_setting_is_wrong(string argument, string message)
    {
        // The host itself, started as Program starts it (the test host's deferred start can report
        // a host that failed to build as disposed instead of with its error).
        await using var app = ProgramBuilder.Create(argument, "--Seed:Enabled=false", $"--Sqlite:Path={Path.Combine(_scratch.Path, "settings.db")}", "--urls=http://127.0.0.1:0").Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync(Cancel));

        Assert.Equal(message, failure.Message);
    }

    private static Task<long> CacheSizeAsync(SqliteGraphStore store) => PragmaAsync(store, "PRAGMA cache_size");

    private static Task<long> MapSizeAsync(SqliteGraphStore store) => PragmaAsync(store, "PRAGMA mmap_size");

    private static async Task<long> PragmaAsync(SqliteGraphStore store, string pragma)
    {
        await using var connection = await store.Reads.RentAsync(Cancel);
        return (long)(await connection.Command(pragma).ExecuteScalarAsync(Cancel))!;
    }

    private async Task<SqliteGraphStore> SeededAsync()
    {
        var store = new SqliteGraphStore(Path.Combine(_scratch.Path, Guid.NewGuid().ToString("N") + ".db"));
        await store.InitializeAsync(Cancel);
        await new BundleImporter(store, store).ImportAsync("seed", Seed.BundleJson, Seed.ReadTextFile, Cancel);
        return store;
    }

    private static string ConnectionString(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        await connection.OpenAsync(Cancel);
        return connection;
    }

    private static async Task<long> ScalarAsync(SqliteCommand command) => (long)(await command.ExecuteScalarAsync(Cancel))!;

    private static async Task<int> FieldCountAsync(SqliteCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        return reader.FieldCount;
    }
}
