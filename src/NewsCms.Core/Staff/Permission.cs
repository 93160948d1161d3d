namespace NewsCms.Core.Staff;

/// <summary>
/// What a signed-in caller may do. Roles grant permissions (<see cref="StaffRoles"/>); the GraphQL rule and the core
/// services both ask for permissions, never for role names, so the matrix lives in one place.
/// </summary>
public enum Permission
{
    /// <summary>Read drafts, revisions and staff-only fields of content.</summary>
    ReadDrafts,

    /// <summary>Create articles, edit and delete one's own drafts, submit them for review.</summary>
    WriteArticles,

    /// <summary>Edit any article, whoever created it.</summary>
    EditAnyArticle,

    /// <summary>Publish, schedule, unpublish, archive, correct and embargo articles.</summary>
    PublishArticles,

    /// <summary>Create, change and delete sections, authors and tags.</summary>
    ManageTaxonomy,

    /// <summary>Create, change and delete sponsors.</summary>
    ManageSponsors,

    /// <summary>Read and answer speaker and partner applications; manage newsletter subscribers.</summary>
    ManagePartnerships,

    /// <summary>Create staff accounts, assign roles, list and revoke anyone's API tokens.</summary>
    ManageStaff,

    /// <summary>Read the audit log.</summary>
    ReadAuditLog,
}
