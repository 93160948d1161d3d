namespace NewsCms.Core.Common;

/// <summary>The codes a caller can branch on; the GraphQL layer publishes them as <c>extensions.code</c>.</summary>
public enum ErrorCode
{
    NotFound,
    Validation,
    Conflict,
    Forbidden,
    Unauthenticated,
}
