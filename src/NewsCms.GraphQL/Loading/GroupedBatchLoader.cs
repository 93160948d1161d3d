namespace NewsCms.GraphQL.Loading;

/// <summary>
/// A batch loader for one-to-many references (an article's bylines, a section's children): the core answers with a
/// lookup, and every key gets its list, empty when nothing belongs to it.
/// </summary>
public abstract class GroupedBatchLoader<TValue> : BatchLoader<int, IReadOnlyList<TValue>>
{
    protected abstract Task<ILookup<int, TValue>> FetchGroupsAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken);

    protected sealed override async Task<IReadOnlyDictionary<int, IReadOnlyList<TValue>>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        var groups = await FetchGroupsAsync(keys, cancellationToken);
        return keys.Distinct().ToDictionary(key => key, key => (IReadOnlyList<TValue>)groups[key].ToList());
    }
}
