namespace NewsCms.Core.Common;

/// <summary>
/// A failure the caller caused and can act on. Anything else that escapes a service is a bug and is masked at the edge.
/// </summary>
public class NewsCmsException(ErrorCode code, string message, IReadOnlyDictionary<string, string>? fieldErrors = null)
    : Exception(message)
{
    public ErrorCode Code { get; } = code;

    /// <summary>Per-field messages for validation failures, keyed by the input field's name.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; } = fieldErrors ?? new Dictionary<string, string>();

    public static NewsCmsException NotFound(string what) => new(ErrorCode.NotFound, $"{what} was not found.");

    public static NewsCmsException Invalid(string field, string message) =>
        new(ErrorCode.Validation, message, new Dictionary<string, string> { [field] = message });
}
