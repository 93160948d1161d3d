using System.Diagnostics;
using GraphQL.Execution;
using Microsoft.Extensions.Logging;
using NewsCms.Core.Common;

namespace NewsCms.GraphQL.Execution;

/// <summary>Lets the core's coded failures through as they are; logs and masks everything else.</summary>
internal sealed partial class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger)
{
    /// <summary>Where the endpoint leaves the request's trace id, for executions that run outside an activity.</summary>
    public const string TraceIdKey = "traceId";

    public void Handle(UnhandledExceptionContext context)
    {
        if (context.OriginalException is NewsCmsException coded)
        {
            context.ErrorMessage = coded.Message;
            context.Exception = coded;
            return;
        }

        var traceId = Activity.Current?.TraceId.ToHexString()
            ?? (context.ExecutionOptions.UserContext.TryGetValue(TraceIdKey, out var id) ? id as string : null)
            ?? ActivityTraceId.CreateRandom().ToHexString();
        LogUnhandled(logger, context.OriginalException, traceId, context.FieldContext?.FieldDefinition.Name);
        var masked = new MaskedException(traceId, context.OriginalException);
        context.ErrorMessage = masked.Message;
        context.Exception = masked;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in GraphQL execution (trace id {TraceId}, field {Field})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string traceId, string? field);
}
