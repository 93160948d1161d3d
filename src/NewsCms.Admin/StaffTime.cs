using System.Globalization;
using Microsoft.JSInterop;

namespace NewsCms.Admin;

/// <summary>
/// The editor's own time zone, read from the browser once the circuit is up. The core stores and compares UTC; only
/// what an editor reads and types is local, so "publish at 09:00" means nine o'clock where the editor sits.
/// </summary>
public sealed class StaffTime
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool IsKnown { get; private set; }

    /// <summary>Raised once the browser's zone is known, so pages rendered in UTC can render again.</summary>
    public event Action? Changed;

    public async Task LearnFromBrowserAsync(IJSRuntime js)
    {
        ArgumentNullException.ThrowIfNull(js);
        if (IsKnown)
        {
            return;
        }

        var id = await js.InvokeAsync<string?>("newsCmsAdmin.timeZone");
        if (!string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            Zone = zone;
        }

        IsKnown = true;
        Changed?.Invoke();
    }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A local wall-clock time typed by the editor, as UTC.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>"2026-12-05 09:00 CET"-style: unambiguous for a newsroom spread over zones.</summary>
    public string Format(DateTime utc)
    {
        var local = ToLocal(utc);
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} {ZoneLabel(local)}");
    }

    public string Format(DateTime? utc) => utc is { } value ? Format(value) : "";

    private string ZoneLabel(DateTime local)
    {
        if (Zone == TimeZoneInfo.Utc)
        {
            return "UTC";
        }

        var offset = Zone.GetUtcOffset(local);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{offset.Duration():hh\\:mm}");
    }
}
