using System.Net;
using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Tests.Hosting;

/// <summary>
/// Failures of the store reach clients and readiness in the one vocabulary every store shares,
/// and a start-up that cannot succeed says so: on a real SQLite file.
/// </summary>
public sealed class StoreFailureTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new("kg-failure");
    private readonly LogCapture _log = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task A_shipped_bundle_that_does_not_import_fails_readiness_and_logs_why()
    {
        var seed = Path.Combine(_scratch.Path, "seed");
        Directory.CreateDirectory(seed);
        File.Copy(Path.Combine(Seed.Directory, Seed.ArticleFile + ".txt"), Path.Combine(seed, Seed.ArticleFile + ".txt"));
        await File.WriteAllTextAsync(
            Path.Combine(seed, Seed.ArticleFile + ".json"),
            Seed.BundleJson.Replace("\"start\": 2441", "\"start\": 2442", StringComparison.Ordinal),
            Cancel);
        await using var factory = new ApiFactory(_scratch.Path) { Settings = { ["Seed:Directory"] = seed } };
        await using var host = WithLog(factory);
        using var client = host.CreateClient();

        var (status, body) = await GetAsync(client, "/health/ready");
        var (live, _) = await GetAsync(client, "/health/live");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "{\"status\":\"failed\"}"), (status, body));
        Assert.Equal(HttpStatusCode.OK, live);
        var entry = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.StartsWith($"Preparing the store failed and will not be retried: {Seed.ArticleFile}.json was rejected with 1 problem(s):", entry.Message, StringComparison.Ordinal);
        Assert.Contains("$.statements[13].evidence[0].text: Does not match the article at [2442, 2601)", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_SQLite_file_answers_STORE_UNAVAILABLE_and_readiness_503()
    {
        await using var factory = new ApiFactory(_scratch.Path) { Settings = { ["Sqlite:BusyTimeout"] = "00:00:01" } };
        await using var host = WithLog(factory);
        using var client = host.CreateClient();
        Assert.Equal((HttpStatusCode.OK, "{\"status\":\"ready\"}"), await GetAsync(client, "/health/ready"));

        // Another process holds the file: exclusive locking mode and an open write transaction
        // keep readers out, in WAL mode too.
        // The store's own idle read connections hold the shared lock too (see LockAsync).
        host.Services.GetRequiredService<SqliteGraphStore>().ClearIdleConnections();
        await using (var locker = await LockAsync(factory.DatabasePath))
        {
            var response = await GraphQLWire.PostAsync(client, new { query = "{ places(first: 1) { nodes { name } } }" });
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal(("The SQLite database is locked by another connection (SQLITE_BUSY); try again later.", "STORE_UNAVAILABLE"), response.FirstError);
            Assert.Equal("{\"places\":null}", response.Data.ToJsonString());
            Assert.DoesNotContain("SELECT", response.Text, StringComparison.Ordinal);

            Assert.Equal(
                (HttpStatusCode.ServiceUnavailable, "{\"status\":\"unavailable\",\"code\":\"STORE_UNAVAILABLE\"}"),
                await GetAsync(client, "/health/ready"));
            Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("(STORE_UNAVAILABLE)", StringComparison.Ordinal)
                && e.Exception?.InnerException is SqliteException { SqliteErrorCode: 5 });
        }

        Assert.Equal((HttpStatusCode.OK, "{\"status\":\"ready\"}"), await GetAsync(client, "/health/ready"));
    }

    [Theory]
    [InlineData("{ statementStats(groupBy: [KIND]) { nodes { count } } }")]
    [InlineData("{ search(text: \"ceasefire\") { totalCount } }")]
    public async Task The_store_computed_fields_on_a_locked_SQLite_file_answer_STORE_UNAVAILABLE_too(string query)
    {
        await using var factory = new ApiFactory(_scratch.Path) { Settings = { ["Sqlite:BusyTimeout"] = "00:00:01" } };
        await using var host = WithLog(factory);
        using var client = host.CreateClient();
        Assert.Equal((HttpStatusCode.OK, "{\"status\":\"ready\"}"), await GetAsync(client, "/health/ready"));

        host.Services.GetRequiredService<SqliteGraphStore>().ClearIdleConnections();
        await using (var locker = await LockAsync(factory.DatabasePath))
        {
            var response = await GraphQLWire.PostAsync(client, new { query });
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal(("The SQLite database is locked by another connection (SQLITE_BUSY); try again later.", "STORE_UNAVAILABLE"), response.FirstError);
            Assert.Null(response.Json?["data"]); // both fields are non-null, so the error nulls the whole answer
        }

        // Once the file is free the same field answers.
        (await GraphQLWire.PostAsync(client, new { query })).EnsureNoErrors();
    }

    [Fact]
    public async Task A_store_locked_at_start_up_is_retried_until_it_is_free()
    {
        Directory.CreateDirectory(_scratch.Path);
        await using var factory = new ApiFactory(_scratch.Path) { Settings = { ["Sqlite:BusyTimeout"] = "00:00:01" } };
        var locker = await LockAsync(factory.DatabasePath);
        await using var host = WithLog(factory);
        using var client = host.CreateClient();

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "{\"status\":\"starting\"}"), await GetAsync(client, "/health/ready"));
        Assert.Contains(_log.Entries, e => e.Message == "The store is not ready (STORE_UNAVAILABLE): The SQLite database is locked by another connection (SQLITE_BUSY); try again later. Retrying in the background.");
        Assert.False(host.Services.GetRequiredService<StoreInitializer>().Failed);

        await locker.DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!host.Services.GetRequiredService<StoreInitializer>().Ready && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.Equal((HttpStatusCode.OK, "{\"status\":\"ready\"}"), await GetAsync(client, "/health/ready"));
    }

    private WebApplicationFactory<Program> WithLog(ApiFactory factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(_log)));

    private static async Task<SqliteConnection> LockAsync(string path)
    {
        // Every open connection to a WAL database holds a shared lock on the file, idle ones in
        // the server's pool too, and the exclusive lock waits for all of them: without this the
        // locker waits out its busy timeout and ends up holding only the WAL write lock, which
        // keeps no reader out. Closing the idle pooled connections first lets it take the file
        // at once; the server's next store call opens a new connection and meets the lock.
        SqliteConnection.ClearAllPools();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        // A write inside the transaction makes SQLite take the file's exclusive lock now (never
        // committed: closing the connection rolls it back).
        command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE kg_test_lock (x INTEGER);";
        await command.ExecuteNonQueryAsync(Cancel);
        return connection;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }
}
