using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsCms.Core.Mail;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("Outbox");
        message.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMaxLength);
        message.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMaxLength);
        message.Property(m => m.ToName).HasMaxLength(OutboxMessage.AddressMaxLength);
        message.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        message.Property(m => m.Headers).HasConversion(
            headers => JsonSerializer.Serialize(headers, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                h => h.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                h => new Dictionary<string, string>(h)));
        // The sender's query: unsent messages whose time has come.
        message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        // Erasing a person's data finds their messages by address.
        message.HasIndex(m => m.ToAddress);
    }
}
