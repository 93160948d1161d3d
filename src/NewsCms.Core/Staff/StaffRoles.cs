using System.Collections.Frozen;

namespace NewsCms.Core.Staff;

/// <summary>The permission matrix: the README's table is checked against this one.</summary>
public static class StaffRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Writer = "Writer";
    public const string Partnerships = "Partnerships";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Writer, Partnerships];

    public static readonly FrozenDictionary<string, FrozenSet<Permission>> Grants = new Dictionary<string, FrozenSet<Permission>>
    {
        [Administrator] = Enum.GetValues<Permission>().ToFrozenSet(),
        [Editor] = new[]
        {
            Permission.ReadDrafts, Permission.WriteArticles, Permission.EditAnyArticle, Permission.PublishArticles,
            Permission.ManageTaxonomy, Permission.ManageSponsors, Permission.UploadMedia, Permission.ManageMedia,
        }.ToFrozenSet(),
        [Writer] = new[] { Permission.ReadDrafts, Permission.WriteArticles, Permission.UploadMedia }.ToFrozenSet(),
        [Partnerships] = new[] { Permission.ManageSponsors, Permission.ManagePartnerships, Permission.UploadMedia }.ToFrozenSet(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsRole(string role) => Grants.ContainsKey(role);

    public static IEnumerable<string> Granting(Permission permission) =>
        All.Where(role => Grants[role].Contains(permission));
}
