namespace NewsCms.Core.Common;

/// <summary>The codes a caller can branch on; the GraphQL layer publishes them as <c>extensions.code</c>.</summary>
public enum ErrorCode
{
    NotFound,
    Validation,
    Conflict,
    Forbidden,
    Unauthenticated,

    /// <summary>Too many submissions from one address or for one email: try again after <c>retryAfterSeconds</c>.</summary>
    RateLimited,
}
