using GraphQL.Types;
using NewsCms.Core.Content;

namespace NewsCms.GraphQL.Articles;

public sealed class OutlineEntryGraphType : ObjectGraphType<OutlineEntry>
{
    public OutlineEntryGraphType()
    {
        Name = "OutlineEntry";
        Description = "A heading of an article body.";
        Field<NonNullGraphType<IntGraphType>>("level").Description("The heading level, 1 to 6.").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The heading as plain text.").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<StringGraphType>>("anchor").Description("The id of the heading in the HTML, for `#anchor` links.").Resolve(c => c.Source.Anchor);
    }
}
