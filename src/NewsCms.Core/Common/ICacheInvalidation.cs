namespace NewsCms.Core.Common;

/// <summary>
/// Tells every server process that something it caches changed, so that each drops its copy at once instead of
/// waiting for it to age out. In this process alone by default (<see cref="InProcessCacheInvalidation"/>); a shared
/// channel reaches the other replicas too. Delivery to other processes is best effort, so a cache that listens keeps
/// an age limit of its own for the message that never arrives.
/// </summary>
public interface ICacheInvalidation
{
    /// <summary>Announces that <paramref name="topic"/> changed: this process's subscribers hear it before the call returns, other processes' soon after.</summary>
    void Publish(string topic);

    /// <summary>Calls <paramref name="changed"/> each time <paramref name="topic"/> changes in any process, for the life of the process.</summary>
    void Subscribe(string topic, Action changed);
}
