namespace NewsCms.Core.Seeding;

/// <summary>Choices drawn from a seeded <see cref="Random"/>, so that generated content repeats exactly for a seed.</summary>
internal static class RandomPicks
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary><paramref name="count"/> different items in random order, by a partial Fisher-Yates shuffle.</summary>
    public static IReadOnlyList<T> PickDistinct<T>(this Random random, IReadOnlyList<T> items, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, items.Count);
        var pool = items.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..count];
    }
}
