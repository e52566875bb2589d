using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Tests.Hosting;

/// <summary>
/// A host may stop its services more than once and after disposing them (a test factory and
/// the program both stop the same host): the initialiser, with its retry loop running, must
/// take any order of stop and dispose without throwing.
/// </summary>
public sealed class StoreInitializerLifetimeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_after_dispose_and_twice_is_harmless_while_retrying()
    {
        var admin = new UnreachableAdminTestDouble();
        var initializer = new StoreInitializer(null!, admin, Options.Create(new SeedOptions()), NullLogger<StoreInitializer>.Instance);
        await initializer.StartAsync(Cancel);
        Assert.False(initializer.Ready);
        Assert.Equal(1, admin.Attempts);

        initializer.Dispose();
        await initializer.StopAsync(Cancel);
        await initializer.StopAsync(Cancel);
        initializer.Dispose();

        Assert.False(initializer.Ready);
        Assert.False(initializer.Failed);
    }

    [Fact]
    public async Task Stopping_ends_the_retry_loop()
    {
        var admin = new UnreachableAdminTestDouble();
        var initializer = new StoreInitializer(null!, admin, Options.Create(new SeedOptions()), NullLogger<StoreInitializer>.Instance);
        await initializer.StartAsync(Cancel);

        await initializer.StopAsync(Cancel);
        var attempts = admin.Attempts;
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancel);

        Assert.Equal(attempts, admin.Attempts);
        initializer.Dispose();
    }

    private sealed class UnreachableAdminTestDouble : IGraphStoreAdmin
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public Task InitializeAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            throw new StoreException(StoreException.Unavailable, "No store answers.");
        }

        public Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlySet<NodeId>> ExistingAsync(IReadOnlyCollection<NodeId> keys, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ImportAsync(GraphBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<NodeId, string>> RedirectsAsync(IReadOnlyCollection<NodeId> ids, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Domain.Import.Redirect>> ListRedirectsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Domain.Editing.MergeOutcome> MergeAsync(NodeId survivor, NodeId duplicate, Domain.Changes.ChangeEntry? change, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Domain.Editing.RetractOutcome> RetractAsync(string statementKey, string reason, DateTimeOffset at, Domain.Changes.ChangeEntry? change, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
