namespace KnowledgeGraph.Tests.Infrastructure;

/// <summary>
/// The real host on a real SQLite file seeded with the shipped article and a second one written
/// for the tests (<c>Fixtures/articles</c>: a plainly fictional country, its people and its talks).
/// </summary>
public sealed class TwoArticlesFixture : IAsyncLifetime
{
    private readonly string _seed = Path.Combine(Path.GetTempPath(), "kg-seed-" + Guid.NewGuid().ToString("N"));

    public TwoArticlesFixture()
    {
        Directory.CreateDirectory(_seed);
        foreach (var file in Directory.GetFiles(Seed.Directory).Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "articles"))))
        {
            File.Copy(file, Path.Combine(_seed, Path.GetFileName(file)));
        }

        Factory = new ApiFactory();
        Factory.Settings["Seed:Directory"] = _seed;
    }

    public ApiFactory Factory { get; }

    /// <summary>A client for the seeded host; send GraphQL through <see cref="Protocol.GraphQLWire"/>.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The global id of the test article.</summary>
    public static string TestArticleId => Seed.Id(Domain.Ids.NodeType.Article, "test-valdoria-water-talks");

    /// <summary>The global id of the shipped article.</summary>
    public static string SeedArticleId => Seed.Id(Domain.Ids.NodeType.Article, "000-7ec11662766b884c");

    public ValueTask InitializeAsync()
    {
        Http = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(_seed, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
