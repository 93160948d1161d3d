using GraphQL;
using GraphQL.Execution;
using NewsCms.Core.Common;

namespace NewsCms.GraphQL.Execution;

/// <summary>
/// Gives every error a machine-readable <c>extensions.code</c>: the core's coded failures by their code, validation
/// failures with the offending fields, and anything unexpected as an internal error that carries only a trace id.
/// </summary>
internal sealed class CodedErrorInfoProvider(bool exposeExceptionDetails)
    : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = exposeExceptionDetails })
{
    public const string InternalErrorCode = "INTERNAL_SERVER_ERROR";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var info = base.GetInfo(executionError);
        switch (executionError.InnerException)
        {
            case NewsCmsException coded:
                var extensions = info.Extensions ?? new Dictionary<string, object?>();
                extensions["code"] = CodeOf(coded.Code);
                extensions.Remove("codes");
                if (coded.FieldErrors.Count > 0)
                {
                    extensions["fields"] = coded.FieldErrors;
                }

                foreach (var (key, value) in coded.Details)
                {
                    extensions[key] = value;
                }

                return new ErrorInfo { Message = coded.Message, Extensions = extensions };

            case MaskedException masked:
                var internalExtensions = new Dictionary<string, object?> { ["code"] = InternalErrorCode, ["traceId"] = masked.TraceId };
                if (exposeExceptionDetails && masked.InnerException is { } original)
                {
                    internalExtensions["details"] = original.ToString();
                }

                return new ErrorInfo { Message = masked.Message, Extensions = internalExtensions };

            default:
                return info;
        }
    }

    public static string CodeOf(ErrorCode code) => code switch
    {
        ErrorCode.NotFound => "NOT_FOUND",
        ErrorCode.Validation => "VALIDATION",
        ErrorCode.Conflict => "CONFLICT",
        ErrorCode.Forbidden => "FORBIDDEN",
        ErrorCode.Unauthenticated => "UNAUTHENTICATED",
        ErrorCode.RateLimited => "RATE_LIMITED",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}

/// <summary>Stands in for an unexpected exception in a response: the details stay in the log, keyed by the trace id.</summary>
internal sealed class MaskedException(string traceId, Exception original)
    : Exception($"An unexpected error occurred. Quote trace id {traceId} when reporting it.", original)
{
    public string TraceId { get; } = traceId;
}
