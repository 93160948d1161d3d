using GraphQL.Types;
using NewsCms.Core.Articles;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.GraphQL.Articles;

public sealed class ArticleRevisionGraphType : ObjectGraphType<ArticleRevision>
{
    public ArticleRevisionGraphType()
    {
        Name = "ArticleRevision";
        Description = "A story as it was after one save.";
        this.RequirePermission(Permission.ReadDrafts);
        Field<NonNullGraphType<IntGraphType>>("number").Description("The revision's number within its story, from 1.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the save happened, in UTC.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("Who saved: the staff member's e-mail at the time.").Resolve(c => c.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("The mutation that saved it, such as `updateArticle` or `publishArticle`.").Resolve(c => c.Source.Operation);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The headline then.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("slug").Description("The slug then.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("The summary then.").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<StringGraphType>>("body").Description("The Markdown body then.").Resolve(c => c.Source.Markdown);
    }
}

public sealed class RevisionDiffLineGraphType : ObjectGraphType<RevisionDiffLine>
{
    public RevisionDiffLineGraphType()
    {
        Name = "RevisionDiffLine";
        Description = "One line of the difference between two revisions: a field line (\"Title: …\") or a line of the body.";
        this.RequirePermission(Permission.ReadDrafts);
        Field<NonNullGraphType<DiffLineKindGraphType>>("kind").Description("Whether the line is kept, added or removed.").Resolve(c => c.Source.Kind);
        Field<IntGraphType>("oldLineNumber").Description("The line's number in `fromRevision`, from 1; null for an added line.").Resolve(c => c.Source.OldLineNumber);
        Field<IntGraphType>("newLineNumber").Description("The line's number in `toRevision`, from 1; null for a removed line.").Resolve(c => c.Source.NewLineNumber);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The line, without its line break.").Resolve(c => c.Source.Text);
    }
}

public sealed class DiffLineKindGraphType : EnumerationGraphType<DiffLineKind>
{
    public DiffLineKindGraphType()
    {
        Name = "DiffLineKind";
        Description = "What happened to a line between two revisions.";
    }
}
