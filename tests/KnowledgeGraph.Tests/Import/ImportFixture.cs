using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Import;

/// <summary>A fresh SQLite file and the import fixtures under <c>Fixtures/Import</c>.</summary>
public sealed class ImportStore : IDisposable
{
    public ImportStore()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kg-import-" + Guid.NewGuid().ToString("N") + ".db");
        Store = new SqliteGraphStore(Path);
        Store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        Importer = new DocumentImporter(Store, Store);
    }

    public static string Fixtures => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Import");

    public string Path { get; }

    public SqliteGraphStore Store { get; }

    public DocumentImporter Importer { get; }

    public static string? ReadFixtureText(string name)
    {
        var path = System.IO.Path.Combine(Fixtures, name);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public Task<ImportResult> SeedAsync(ImportOptions? options = null) =>
        Importer.ImportAsync(Seed.ArticleFile + ".json", Seed.BundleJson, Seed.ReadTextFile, options ?? new ImportOptions(), TestContext.Current.CancellationToken);

    public Task<ImportResult> FixtureAsync(string file, ImportOptions? options = null) =>
        Importer.ImportAsync(file, File.ReadAllText(System.IO.Path.Combine(Fixtures, file)), ReadFixtureText, options ?? new ImportOptions(), TestContext.Current.CancellationToken);

    public Task<ImportResult> JsonAsync(string json, ImportOptions? options = null) =>
        Importer.ImportAsync("test.json", json, ReadFixtureText, options ?? new ImportOptions(), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
