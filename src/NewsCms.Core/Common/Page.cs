namespace NewsCms.Core.Common;

/// <summary>One page of a keyset-paginated list, with what a Relay connection needs to continue it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool HasNextPage, bool HasPreviousPage, Func<T, string> CursorOf);

/// <summary>The paging arguments every list accepts.</summary>
public readonly record struct PageRequest(int First, string? After)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static PageRequest Create(int? first, string? after)
    {
        var size = first ?? DefaultSize;
        if (size is < 0 or > MaxSize)
        {
            throw NewsCmsException.Invalid("first", $"'first' must be between 0 and {MaxSize}.");
        }

        return new PageRequest(size, after);
    }
}
