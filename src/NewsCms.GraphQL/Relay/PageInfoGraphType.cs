using GraphQL.Types;
using NewsCms.Core.Common;

namespace NewsCms.GraphQL.Relay;

/// <summary>Relay's PageInfo over any page; the cursors come from the page's own keyset.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in its list, and the cursors to continue from.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether more items follow this page.").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Whether this page was asked for after a cursor.").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("The cursor of the first item, or null for an empty page.").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("The cursor of the last item: pass it as `after` to get the next page.").Resolve(c => c.Source.EndCursor);
    }
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
{
    public static PageInfo Of<T>(Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageInfo(
            page.HasNextPage,
            page.HasPreviousPage,
            page.Items.Count > 0 ? page.CursorOf(page.Items[0]) : null,
            page.Items.Count > 0 ? page.CursorOf(page.Items[^1]) : null);
    }
}
