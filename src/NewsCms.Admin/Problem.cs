using NewsCms.Core.Common;

namespace NewsCms.Admin;

/// <summary>
/// What went wrong with the editor's last action, as the core said it: the same code, message and field errors a
/// GraphQL client receives in <c>extensions</c>.
/// </summary>
public sealed record Problem(ErrorCode Code, string Message, IReadOnlyDictionary<string, string> FieldErrors, IReadOnlyDictionary<string, object?> Details)
{
    public static Problem From(NewsCmsException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(exception.Code, exception.Message, exception.FieldErrors, exception.Details);
    }

    /// <summary>The version someone else saved, when the action lost to a newer save.</summary>
    public int? CurrentVersion => Details.GetValueOrDefault("currentVersion") as int?;
}
