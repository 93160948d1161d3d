namespace NewsCms.Core.Common;

/// <summary>Invalidation within this process only: right for one server, and the local half of a shared channel.</summary>
public sealed class InProcessCacheInvalidation : ICacheInvalidation
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<Action>> subscribers = new(StringComparer.Ordinal);

    public void Publish(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        Action[] listening;
        lock (gate)
        {
            listening = subscribers.TryGetValue(topic, out var list) ? [.. list] : [];
        }

        foreach (var changed in listening)
        {
            changed();
        }
    }

    public void Subscribe(string topic, Action changed)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(changed);
        lock (gate)
        {
            if (!subscribers.TryGetValue(topic, out var list))
            {
                subscribers[topic] = list = [];
            }

            list.Add(changed);
        }
    }
}
