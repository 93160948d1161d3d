using NewsCms.Core.Articles;
using NewsCms.GraphQL.Loading;

namespace NewsCms.GraphQL.Articles;

/// <summary>The e-mail of staff accounts, for "created by" on a page of editorial stories.</summary>
public sealed class StaffEmailByIdLoader(EditorialArticles articles) : BatchLoader<int, string>
{
    protected override Task<IReadOnlyDictionary<int, string>> FetchAsync(IReadOnlyCollection<int> keys, CancellationToken cancellationToken) =>
        articles.StaffEmailsAsync(keys, cancellationToken);
}
