using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Stores;

namespace KnowledgeGraph.Storage.Neo4j.Tests.Contract;

/// <summary>
/// A real Neo4j (community edition, pinned) in a container, started once for the contract
/// suite. Where no Docker engine answers, every test of the suite is skipped with the reason;
/// with <c>KG_REQUIRE_DOCKER=1</c> it fails instead.
/// </summary>
public sealed class Neo4jServer : IAsyncLifetime
{
    public const string Image = "neo4j:5.26.12-community";
    private const string Password = "contract-suite-password";
    private const int HttpPort = 7474;

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private IContainer? _container;
    private Neo4jStoreOptions? _options;
    private State _state = State.Unknown;

    private enum State
    {
        Unknown,
        Seeded,
        Dirty,
    }

    /// <summary>How to reach the server (valid once a store was obtained without skipping).</summary>
    public Neo4jStoreOptions Options => _options ?? throw new InvalidOperationException(Unavailable);

    /// <summary>Why the server could not be started, if it could not.</summary>
    public string? Unavailable { get; private set; }

    public static bool DockerRequired => Environment.GetEnvironmentVariable("KG_REQUIRE_DOCKER") == "1";

    /// <summary>Why the server could not start although a Docker engine answers: a failure, never a skip.</summary>
    public string? Failure { get; private set; }

    public async ValueTask InitializeAsync()
    {
        (Unavailable, Failure) = await ContainerStartup.StartAsync(Image, DockerProbe.WhyNoEngineAsync, async () =>
        {
            _container = new ContainerBuilder(Image)
                .WithEnvironment("NEO4J_AUTH", "neo4j/" + Password)
                .WithEnvironment("NEO4J_server_memory_heap_max__size", "512m")
                .WithEnvironment("NEO4J_server_memory_pagecache_size", "128m")
                .WithPortBinding(HttpPort, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer()
                    .UntilMessageIsLogged("Started.")
                    .UntilHttpRequestIsSucceeded(request => request.ForPort(HttpPort).ForPath("/")))
                .Build();
            using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await _container.StartAsync(startup.Token);
            _options = new Neo4jStoreOptions
            {
                Uri = new Uri($"http://{_container.Hostname}:{_container.GetMappedPublicPort(HttpPort)}"),
                Password = Password,
                RetryBudget = TimeSpan.FromSeconds(20),
            };
        });
    }

    /// <summary>The store over the seeded database. Tests do not write to it; an empty store wipes it, so it is re-seeded when needed.</summary>
    public async Task<StoreUnderTest> SeededAsync()
    {
        var store = await ConnectAsync();
        if (_state != State.Seeded)
        {
            await WipeAsync();
            await store.Admin.InitializeAsync(CancellationToken.None);
            await new BundleImporter(store.Store, store.Admin).ImportAsync("seed", Seed.BundleJson, Seed.ReadTextFile, CancellationToken.None);
            _state = State.Seeded;
        }

        return store;
    }

    /// <summary>A store over the (only) database of the community edition, emptied.</summary>
    public async Task<StoreUnderTest> EmptyAsync()
    {
        var store = await ConnectAsync();
        await WipeAsync();
        _state = State.Dirty;
        await store.Admin.InitializeAsync(CancellationToken.None);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private Task<StoreUnderTest> ConnectAsync()
    {
        if (Failure is { } failure)
        {
            Assert.Fail($"Neo4j contract tests failed: {failure}.");
        }

        if (Unavailable is { } reason)
        {
            if (DockerRequired)
            {
                Assert.Fail($"Neo4j contract tests failed: {reason}, and KG_REQUIRE_DOCKER=1 requires them to run.");
            }

            Assert.Skip($"Neo4j contract tests skipped: {reason}. Set KG_REQUIRE_DOCKER=1 to make this a failure.");
        }

        var store = new Neo4jGraphStore(_http, _options!, new RoundTripCounter());
        return Task.FromResult(new StoreUnderTest(store, store));
    }

    private async Task WipeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options!.Uri, "/db/neo4j/query/v2"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:" + Password)));
        request.Content = new StringContent(JsonSerializer.Serialize(new { statement = "MATCH (n) DETACH DELETE n" }), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal), $"Wiping the database failed: {(int)response.StatusCode} {body}");
    }
}

/// <summary>One Neo4j container for every class that needs it; the classes run one after another, as they wipe and seed it.</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jCollection : ICollectionFixture<Neo4jServer>
{
    public const string Name = "Neo4j server";
}

/// <summary>The store contract on Neo4j, through the Query API.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jStoreContractTests(Neo4jServer server) : StoreContractTests
{
    protected override Task<StoreUnderTest> SeededAsync() => server.SeededAsync();

    protected override Task<StoreUnderTest> EmptyAsync() => server.EmptyAsync();

    [Fact]
    public async Task Initialising_twice_is_harmless()
    {
        var s = await server.SeededAsync();
        await s.Admin.InitializeAsync(TestContext.Current.CancellationToken);
        await s.Admin.InitializeAsync(TestContext.Current.CancellationToken);
        Assert.False(await s.Admin.IsEmptyAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>The analytics contract on Neo4j, through the Query API.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jAnalyticsContractTests(Neo4jServer server) : AnalyticsContractTests, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task<(IGraphAnalytics Analytics, StoreCallCounter Counter)> SeededAsync()
    {
        await server.SeededAsync();
        var calls = new StoreCallCounter();
        return (new CountingGraphAnalytics(new Neo4jAnalytics(_http, server.Options, new RoundTripCounter()), calls), calls);
    }

    public void Dispose() => _http.Dispose();
}
