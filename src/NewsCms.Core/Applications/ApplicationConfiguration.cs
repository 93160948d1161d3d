using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCms.Core.Data;

namespace NewsCms.Core.Applications;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> application)
    {
        application.ToTable("Applications");
        application.HasDiscriminator<string>("Kind")
            .HasValue<SpeakerApplication>("Speaker")
            .HasValue<PartnerApplication>("Partner");
        application.Property<string>("Kind").HasMaxLength(ModelConventions.EnumMaxLength);
        application.Property(a => a.Version).IsConcurrencyToken();
        application.Property(a => a.Name).HasMaxLength(Application.NameMaxLength);
        application.Property(a => a.Email).HasMaxLength(Application.EmailMaxLength);
        application.Property(a => a.Company).HasMaxLength(Application.CompanyMaxLength);
        application.Property(a => a.IdempotencyKey).HasMaxLength(Application.IdempotencyKeyMaxLength);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(ModelConventions.EnumMaxLength);
        // A replayed submission finds its first one here, and two racing ones cannot both be stored.
        application.HasIndex(a => new { a.Email, a.IdempotencyKey }).IsUnique();
        // The staff lists, newest first per status; retention finds final ones by decision time.
        application.HasIndex(a => new { a.Status, a.SubmittedAt });
        application.HasIndex(a => new { a.Status, a.DecidedAt });
        application.HasMany(a => a.Notes).WithOne().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpeakerApplicationConfiguration : IEntityTypeConfiguration<SpeakerApplication>
{
    public void Configure(EntityTypeBuilder<SpeakerApplication> speaker)
    {
        speaker.Property(s => s.JobTitle).HasMaxLength(SpeakerApplication.JobTitleMaxLength);
        speaker.Property(s => s.TalkTitle).HasMaxLength(SpeakerApplication.TalkTitleMaxLength);
        speaker.Property(s => s.Abstract).HasMaxLength(SpeakerApplication.AbstractMaxLength);
        speaker.Property(s => s.ShortBio).HasMaxLength(SpeakerApplication.ShortBioMaxLength);
        speaker.Property(s => s.EventName).HasMaxLength(SpeakerApplication.EventMaxLength);
        speaker.Property(s => s.Topics).HasConversion(StringList.Converter, StringList.Comparer);
        speaker.Property(s => s.Links).HasConversion(StringList.Converter, StringList.Comparer);
    }
}

internal sealed class PartnerApplicationConfiguration : IEntityTypeConfiguration<PartnerApplication>
{
    public void Configure(EntityTypeBuilder<PartnerApplication> partner)
    {
        partner.Property(p => p.Phone).HasMaxLength(PartnerApplication.PhoneMaxLength);
        partner.Property(p => p.Website).HasMaxLength(PartnerApplication.WebsiteMaxLength);
        partner.Property(p => p.Message).HasMaxLength(PartnerApplication.MessageMaxLength);
        partner.Property(p => p.PartnershipKind).HasConversion<string>().HasMaxLength(ModelConventions.EnumMaxLength);
        partner.Property(p => p.Budget).HasConversion<string>().HasMaxLength(ModelConventions.EnumMaxLength);
    }
}

internal sealed class ApplicationNoteConfiguration : IEntityTypeConfiguration<ApplicationNote>
{
    public void Configure(EntityTypeBuilder<ApplicationNote> note)
    {
        note.ToTable("ApplicationNotes");
        note.Property(n => n.Text).HasMaxLength(ApplicationNote.TextMaxLength);
    }
}

/// <summary>Short lists stored as JSON text: they are only ever read with their application.</summary>
internal static class StringList
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<string>, string> Converter = new(
        list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
        json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>());

    public static readonly ValueComparer<List<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
