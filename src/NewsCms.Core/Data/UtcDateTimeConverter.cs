using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsCms.Core.Data;

/// <summary>Stores UTC and marks what it reads as UTC, whatever the provider returns.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
