using GraphQL.DataLoader;

namespace KnowledgeGraph.Api.GraphQL.Pipeline;

/// <summary>
/// Collects the keys that the resolvers of one level ask for and fetches them in one call when
/// the execution strategy first awaits a result. GraphQL.NET resolves all pending data-loader
/// results of a level only after every other field of that level has run, so each level costs
/// one call per loader, whatever the number of parents.
/// </summary>
internal sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();

    // The batches fetched so far, each with the store's answer as it came (no copy of it): a
    // request's loader fetches once or a few times.
    private readonly List<Batch> _fetched = [];
    private Batch _pending = new();

    /// <summary>The value for <paramref name="key"/>, or null when the store has none.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            foreach (var fetched in _fetched)
            {
                if (fetched.Keys.Contains(key))
                {
                    return new Completed<TValue?>(fetched.Value(key));
                }
            }

            _pending.Keys.Add(key);
            return new Pending(this, _pending, key);
        }
    }

    /// <summary>The values for <paramref name="keys"/> in their order, leaving out keys the store lacks.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany(IReadOnlyList<TKey> keys)
    {
        if (keys.Count == 0)
        {
            return new Completed<IReadOnlyList<TValue>>([]);
        }

        return new Mapped<IReadOnlyList<object?>, IReadOnlyList<TValue>>(
            new Sequence(keys.Select(Load).ToArray()),
            values => values.OfType<TValue>().ToArray());
    }

    private Task RunAsync(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Task is null)
            {
                if (ReferenceEquals(_pending, batch))
                {
                    _pending = new Batch();
                }

                batch.Task = FetchAsync(batch, cancellationToken);
            }

            return batch.Task;
        }
    }

    private async Task FetchAsync(Batch batch, CancellationToken cancellationToken)
    {
        var values = await fetch(batch.Keys.ToArray(), cancellationToken);
        lock (_gate)
        {
            batch.Values = values;
            _fetched.Add(batch);
        }
    }

    private sealed class Batch
    {
        public HashSet<TKey> Keys { get; } = [];

        public Task? Task { get; set; }

        /// <summary>The store's answer, once fetched.</summary>
        public IReadOnlyDictionary<TKey, TValue>? Values { get; set; }

        /// <summary>The value fetched for <paramref name="key"/>, or null when the store has none.</summary>
        public TValue? Value(TKey key) => Values is { } values && values.TryGetValue(key, out var value) ? value : null;
    }

    /// <remarks>
    /// Every key of a batch but the first finds the batch fetched already: it is answered without
    /// an async state machine, which a level with hundreds of parents would otherwise make for
    /// each of them.
    /// </remarks>
    private sealed class Pending(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var run = loader.RunAsync(batch, cancellationToken);
            return run.IsCompletedSuccessfully ? Task.FromResult(batch.Value(key)) : AfterAsync(run);
        }

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
        {
            var run = loader.RunAsync(batch, cancellationToken);
            return run.IsCompletedSuccessfully ? Task.FromResult<object?>(batch.Value(key)) : AfterAsObjectAsync(run);
        }

        private async Task<TValue?> AfterAsync(Task run)
        {
            await run;
            return batch.Value(key);
        }

        private async Task<object?> AfterAsObjectAsync(Task run)
        {
            await run;
            return batch.Value(key);
        }
    }
}

/// <summary>Several data-loader results awaited in order, keeping nulls in place.</summary>
internal sealed class Sequence(IDataLoaderResult[] parts) : IDataLoaderResult<IReadOnlyList<object?>>
{
    public async Task<IReadOnlyList<object?>> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var values = new object?[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            values[i] = await parts[i].GetResultAsync(cancellationToken);
        }

        return values;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        await GetResultAsync(cancellationToken);
}

/// <summary>A data-loader result that is already known.</summary>
internal sealed class Completed<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}

/// <summary>A data-loader result transformed once it is known.</summary>
internal sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
{
    public Task<TOut> GetResultAsync(CancellationToken cancellationToken = default)
    {
        // Synchronously when the inner result is known (see Pending): no state machine per parent.
        var value = inner.GetResultAsync(cancellationToken);
        return value.IsCompletedSuccessfully ? Task.FromResult(map(value.Result)) : MapAsync(value);
    }

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
    {
        var value = inner.GetResultAsync(cancellationToken);
        return value.IsCompletedSuccessfully ? Task.FromResult<object?>(map(value.Result)) : MapAsObjectAsync(value);
    }

    private async Task<TOut> MapAsync(Task<TIn> value) => map(await value);

    private async Task<object?> MapAsObjectAsync(Task<TIn> value) => map(await value);
}
