using GraphQL.DataLoader;

namespace NewsCms.GraphQL.Loading;

/// <summary>
/// Collects the keys that resolvers ask for while the executer walks one level of the tree, then fetches them all
/// with one query when the first result is awaited. The executer defers every <see cref="IDataLoaderResult"/> until
/// the other pending fields ran, which is what lets siblings share a batch. One instance lives per request, so what
/// it remembers never outlives what one caller may see.
/// </summary>
public abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, Task<TValue?>> known = [];
    private List<TKey> queued = [];
    private TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>>? openBatch;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (gate)
        {
            if (known.TryGetValue(key, out var value))
            {
                return new Result(this, null, value);
            }

            openBatch ??= new TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>>(TaskCreationOptions.RunContinuationsAsynchronously);
            queued.Add(key);
            value = ValueOfAsync(key, openBatch.Task);
            known[key] = value;
            return new Result(this, openBatch, value);
        }
    }

    /// <summary>
    /// Hands the loader a value a resolver already read with its parent row, so the fields under it need no batch of
    /// their own. A key already asked for keeps what it has.
    /// </summary>
    public void Prime(TKey key, TValue value)
    {
        lock (gate)
        {
            known.TryAdd(key, Task.FromResult<TValue?>(value));
        }
    }

    /// <summary>Fetches every key in one round trip. Keys with nothing behind them are simply absent.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken);

    private static async Task<TValue?> ValueOfAsync(TKey key, Task<IReadOnlyDictionary<TKey, TValue>> batch)
    {
        var values = await batch.ConfigureAwait(false);
        return values.TryGetValue(key, out var value) ? value : default;
    }

    private async Task DispatchAsync(TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>> batch, CancellationToken cancellationToken)
    {
        List<TKey> keys;
        lock (gate)
        {
            if (!ReferenceEquals(batch, openBatch))
            {
                return; // another result of this batch already started the fetch
            }

            keys = queued;
            queued = [];
            openBatch = null;
        }

        try
        {
            batch.SetResult(await FetchAsync(keys, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            batch.SetException(ex);
        }
    }

    private sealed class Result(
        BatchLoader<TKey, TValue> loader,
        TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>>? batch,
        Task<TValue?> value) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            if (batch is not null)
            {
                await loader.DispatchAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            return await value.ConfigureAwait(false);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
