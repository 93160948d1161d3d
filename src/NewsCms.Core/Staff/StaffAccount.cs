namespace NewsCms.Core.Staff;

/// <summary>A staff account as administrators see it: never the password hash, stamps or counters.</summary>
public sealed record StaffAccount(int Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTime CreatedAt, bool IsLockedOut);
