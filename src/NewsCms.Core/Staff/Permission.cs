using System.ComponentModel;

namespace NewsCms.Core.Staff;

/// <summary>
/// What a signed-in caller may do. Roles grant permissions (<see cref="StaffRoles"/>); the GraphQL rule and the core
/// services both ask for permissions, never for role names, so the matrix lives in one place.
/// </summary>
public enum Permission
{
    [Description("Read drafts, revisions and staff-only fields of content.")]
    ReadDrafts,

    [Description("Create articles, edit and delete one's own drafts, submit them for review.")]
    WriteArticles,

    [Description("Edit any article, whoever created it.")]
    EditAnyArticle,

    [Description("Publish, schedule, unpublish, archive, correct and embargo articles.")]
    PublishArticles,

    [Description("Create, change and delete sections, authors and tags.")]
    ManageTaxonomy,

    [Description("Create, change and delete sponsors.")]
    ManageSponsors,

    [Description("Read and answer speaker and partner applications; manage newsletter subscribers.")]
    ManagePartnerships,

    [Description("Create staff accounts, assign roles, list and revoke anyone's API tokens.")]
    ManageStaff,

    [Description("Read the audit log.")]
    ReadAuditLog,

    [Description("Upload media, browse the media library, describe one's own uploads.")]
    UploadMedia,

    [Description("Change and delete any media asset.")]
    ManageMedia,
}
