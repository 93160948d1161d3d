using Microsoft.AspNetCore.Identity;

namespace NewsCms.Core.Staff;

/// <summary>A member of the newsroom who signs in. Readers never have accounts; partners reach us through public mutations.</summary>
public sealed class StaffUser : IdentityUser<int>
{
    public const int DisplayNameMaxLength = 150;

    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
