using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Protection;

/// <summary>How the store behaves for the next requests.</summary>
public enum StoreMode
{
    Normal,

    /// <summary>Every call waits a minute (cancellable), so the execution timeout fires first.</summary>
    Slow,

    /// <summary>Every call throws an exception whose message must never reach a client.</summary>
    Faulty,
}

/// <summary>The real store, made slow or faulty on demand, to reach the timeout and the fault paths.</summary>
public sealed class SwitchableStore(IGraphStore inner) : IGraphStore
{
    /// <summary>A detail the server must keep to itself.</summary>
    public const string Secret = "Data Source=/secret/path.db;Password=hunter2";

    private volatile StoreMode _mode;

    public StoreMode Mode
    {
        get => _mode;
        set => _mode = value;
    }

    /// <summary>A host whose store is a <see cref="SwitchableStore"/>, reachable from the test.</summary>
    public static WebApplicationFactory<Program> Host(ApiFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => new SwitchableStore(sp.GetRequiredService<SqliteGraphStore>()));
            services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<SwitchableStore>());
        }));

    public async Task<IReadOnlyList<T>> GetAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node
    {
        await BeforeAsync(cancellationToken);
        return await inner.GetAsync<T>(keys, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, T>> ResolveAsync<T>(IReadOnlyCollection<string> keys, RecordParts parts, CancellationToken cancellationToken)
        where T : Node
    {
        await BeforeAsync(cancellationToken);
        return await inner.ResolveAsync<T>(keys, parts, cancellationToken);
    }

    public async Task<Page<T>> ListAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : Node
    {
        await BeforeAsync(cancellationToken);
        return await inner.ListAsync<T>(where, order, page, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Page<T>>> ExpandAsync<T>(Relation<T> relation, IReadOnlyCollection<string> parentKeys, Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : class
    {
        await BeforeAsync(cancellationToken);
        return await inner.ExpandAsync(relation, parentKeys, where, order, page, cancellationToken);
    }

    private async Task BeforeAsync(CancellationToken cancellationToken)
    {
        switch (Mode)
        {
            case StoreMode.Slow:
                await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
                break;
            case StoreMode.Faulty:
                throw new InvalidOperationException("Cannot open " + Secret);
            default:
                break;
        }
    }
}
