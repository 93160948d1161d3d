using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCms.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditLog");
        entry.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
        entry.Property(e => e.Operation).HasMaxLength(AuditEntry.OperationMaxLength);
        entry.Property(e => e.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength);
        entry.Property(e => e.EntityId).HasMaxLength(AuditEntry.EntityIdMaxLength);
        entry.Property(e => e.Summary).HasMaxLength(AuditEntry.SummaryMaxLength);

        // The log is read newest first, whole or for one entity or one actor.
        entry.HasIndex(e => new { e.EntityType, e.EntityId, e.Id });
        entry.HasIndex(e => new { e.ActorUserId, e.Id });
    }
}
