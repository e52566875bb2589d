using System.Diagnostics;
using System.Net;
using System.Text;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Protection;

/// <summary>
/// The execution timeout stops SQLite itself: a statement that would run for hours on a real
/// file is interrupted when the timeout fires, the client gets its 504 at once, and the call
/// that ran it returns.
/// </summary>
public sealed class SqliteInterruptTests : IAsyncLifetime
{
    // One fictional person in 300 fictional organisations: each nested "affiliations some person"
    // multiplies the rows SQLite visits by 300, so four levels are 300^4 = 8.1e9 visits.
    private const int Organisations = 300;

    private const string SlowQuery = """
        { people(where: { affiliations: { some: { person: { affiliations: { some: { person: { affiliations: { some: {
            person: { affiliations: { some: { role: { eq: "none of them" } } } } } } } } } } } } }) { totalCount } }
        """;

    private readonly string _seed = Path.Combine(Path.GetTempPath(), "kg-interrupt-" + Guid.NewGuid().ToString("N"));
    private readonly ApiFactory _factory = new();
    private WebApplicationFactory<Program> _host = null!;
    private ObservedStore _observed = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_seed);
        var bundle = new StringBuilder("""{ "format": "knowledge-graph/v1", "organisations": [""");
        bundle.AppendJoin(", ", Enumerable.Range(1, Organisations).Select(i => $$"""{ "key": "guild-{{i}}", "name": "Guild {{i}}", "kind": "OTHER" }"""));
        bundle.Append("""], "people": [{ "key": "ada-quill", "name": "Ada Quill", "affiliations": [""");
        bundle.AppendJoin(", ", Enumerable.Range(1, Organisations).Select(i => $$"""{ "organisation": "guild-{{i}}", "role": "member", "current": true }"""));
        bundle.Append("]}]}");
        await File.WriteAllTextAsync(Path.Combine(_seed, "guilds.json"), bundle.ToString(), TestContext.Current.CancellationToken);

        _factory.Settings["Seed:Directory"] = _seed;
        _factory.Settings["GraphQL:ExecutionTimeout"] = "00:00:01";
        _host = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => new ObservedStore(sp.GetRequiredService<CountingGraphStore>()));
            services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<ObservedStore>());
        }));
        _observed = _host.Services.GetRequiredService<ObservedStore>();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
        Directory.Delete(_seed, recursive: true);
    }

    [Fact]
    public async Task A_statement_running_past_the_timeout_is_interrupted_and_answered_504_at_once()
    {
        using var http = _host.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(2);
        // Start-up seeding lists the store too (the importer reads the stored names): only the
        // request's own list call counts.
        _observed.Watch();
        var clock = Stopwatch.StartNew();

        var response = await GraphQLWire.PostAsync(http, new { query = SlowQuery });
        var answered = clock.Elapsed;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
        Assert.Equal(("TIMEOUT", "The operation has timed out."), (response.Code, response.Message));

        // The statement's natural duration is hours; a timeout of 1 s answered within 30 s on a
        // shared machine can only mean SQLite was interrupted.
        Assert.True(answered < TimeSpan.FromSeconds(30), $"the 504 took {answered}");

        // The call that ran the statement has returned, cancelled: no thread runs on.
        var outcome = await _observed.Finished.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.IsAssignableFrom<OperationCanceledException>(outcome);
        await GraphQLWire.AssertPeopleAsync(http, "{\"people\":{\"totalCount\":1,\"nodes\":[{\"key\":\"ada-quill\"}]}}");
    }

    /// <summary>The host's store, telling the test when the first list call after <see cref="Watch"/> ends and how.</summary>
    private sealed class ObservedStore(IGraphStore inner) : IGraphStore
    {
        private readonly TaskCompletionSource<Exception?> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _watching;

        public Task<Exception?> Finished => _finished.Task;

        /// <summary>Reports the list calls that start from now on (not those of start-up seeding).</summary>
        public void Watch() => _watching = true;

        public Task<IReadOnlyList<T>> GetAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
            where T : Node => inner.GetAsync<T>(keys, cancellationToken);

        public Task<IReadOnlyDictionary<string, T>> ResolveAsync<T>(IReadOnlyCollection<string> keys, RecordParts parts, CancellationToken cancellationToken)
            where T : Node => inner.ResolveAsync<T>(keys, parts, cancellationToken);

        public async Task<Page<T>> ListAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
            where T : Node
        {
            if (!_watching)
            {
                return await inner.ListAsync<T>(where, order, page, cancellationToken);
            }

            try
            {
                var result = await inner.ListAsync<T>(where, order, page, cancellationToken);
                _finished.TrySetResult(null);
                return result;
            }
            catch (Exception e)
            {
                _finished.TrySetResult(e);
                throw;
            }
        }

        public Task<IReadOnlyDictionary<string, Page<T>>> ExpandAsync<T>(Relation<T> relation, IReadOnlyCollection<string> parentKeys, Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
            where T : class => inner.ExpandAsync(relation, parentKeys, where, order, page, cancellationToken);
    }
}
