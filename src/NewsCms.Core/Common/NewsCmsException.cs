namespace NewsCms.Core.Common;

/// <summary>
/// A failure the caller caused and can act on. Anything else that escapes a service is a bug and is masked at the edge.
/// </summary>
public class NewsCmsException(
    ErrorCode code,
    string message,
    IReadOnlyDictionary<string, string>? fieldErrors = null,
    IReadOnlyDictionary<string, object?>? details = null)
    : Exception(message)
{
    public ErrorCode Code { get; } = code;

    /// <summary>Per-field messages for validation failures, keyed by the input field's name.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; } = fieldErrors ?? new Dictionary<string, string>();

    /// <summary>Facts the caller needs to recover, such as the current version after a conflict.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();

    public static NewsCmsException NotFound(string what) => new(ErrorCode.NotFound, $"{what} was not found.");

    public static NewsCmsException Invalid(string field, string message) =>
        new(ErrorCode.Validation, message, new Dictionary<string, string> { [field] = message });

    /// <summary>Someone saved first: the caller must reload <paramref name="currentVersion"/> and reapply their change.</summary>
    public static NewsCmsException StaleVersion(string what, int currentVersion) =>
        new(ErrorCode.Conflict, $"{what} was changed by someone else; reload version {currentVersion} and apply your change again.",
            details: new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    /// <summary>Too many submissions: the caller may try again after <paramref name="retryAfter"/>.</summary>
    public static NewsCmsException RateLimited(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new(ErrorCode.RateLimited, $"Too many submissions; try again in {seconds} seconds.",
            details: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    /// <summary>Several fields wrong at once, so an editor can fix them all in one go.</summary>
    public static NewsCmsException Invalid(IReadOnlyDictionary<string, string> fieldErrors)
    {
        ArgumentNullException.ThrowIfNull(fieldErrors);
        return new(ErrorCode.Validation, string.Join(" ", fieldErrors.Values), fieldErrors);
    }
}
