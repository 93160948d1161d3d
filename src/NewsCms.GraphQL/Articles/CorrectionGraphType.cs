using GraphQL.Types;
using NewsCms.Core.Articles;

namespace NewsCms.GraphQL.Articles;

public sealed class CorrectionGraphType : ObjectGraphType<ArticleCorrection>
{
    public CorrectionGraphType()
    {
        Name = "Correction";
        Description = "A note appended to a published story: a correction, a clarification or an update. Notes are never edited or removed.";

        Field<NonNullGraphType<CorrectionKindGraphType>>("kind").Description("What kind of note this is, for its label.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The note as readers see it, plain text.").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the note was added, in UTC.").Resolve(c => c.Source.CreatedAt);
    }
}

public sealed class CorrectionKindGraphType : EnumerationGraphType<CorrectionKind>
{
    public CorrectionKindGraphType()
    {
        Name = "CorrectionKind";
        Description = "The kinds of note appended to a published story.";
    }
}
