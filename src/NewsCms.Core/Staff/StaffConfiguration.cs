using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCms.Core.Staff;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> user) =>
        user.Property(u => u.DisplayName).HasMaxLength(StaffUser.DisplayNameMaxLength);
}

/// <summary>The roles are part of the schema, not data an operator must remember to create.</summary>
internal sealed class StaffRoleConfiguration : IEntityTypeConfiguration<IdentityRole<int>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<int>> role) =>
        role.HasData(StaffRoles.All.Select((name, index) => new IdentityRole<int>
        {
            Id = index + 1,
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"newscms-role-{index + 1}",
        }));
}

/// <summary>
/// Identity's passkeys, as its schema version 3 maps them. Configured here rather than by choosing that version in
/// the Identity options: Identity reads the options from the host's services, which migrations, tests and the
/// operator's command line do not have, and the version would also reshape the older tables under existing migrations.
/// </summary>
internal sealed class StaffPasskeyConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<int>>
{
    // The WebAuthn specification caps a credential id at 1023 bytes.
    private const int CredentialIdMaxLength = 1024;

    public void Configure(EntityTypeBuilder<IdentityUserPasskey<int>> passkey)
    {
        passkey.ToTable("AspNetUserPasskeys");
        passkey.HasKey(p => p.CredentialId);
        passkey.Property(p => p.CredentialId).HasMaxLength(CredentialIdMaxLength);
        passkey.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        passkey.OwnsOne(p => p.Data).ToJson();
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.ToTable("ApiTokens");
        token.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        token.Property(t => t.SecretHash).HasMaxLength(64);
        token.Property(t => t.Prefix).HasMaxLength(ApiToken.PrefixLength);
        token.HasIndex(t => t.SecretHash).IsUnique();
        token.HasIndex(t => t.UserId);
        token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
