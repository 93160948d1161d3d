using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsCms.Core.Staff;

namespace NewsCms.Server.Authentication;

/// <summary>
/// <c>Authorization: Bearer ncms_…</c>: the caller is the token's owner with the roles the owner has now. A header
/// that names no valid token fails loudly (401) rather than quietly making the caller anonymous.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadBearer(Request, out var secret))
        {
            return AuthenticateResult.NoResult();
        }

        var actor = await tokens.AuthenticateAsync(secret, Context.RequestAborted);
        return actor is null
            ? AuthenticateResult.Fail("The API token is unknown, revoked or expired.")
            : AuthenticateResult.Success(new AuthenticationTicket(StaffClaims.ToPrincipal(actor, SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        Response.Headers.CacheControl = "no-store";
        await Response.WriteAsJsonAsync(new
        {
            errors = new[] { new { message = "The API token is unknown, revoked or expired.", extensions = new { code = "UNAUTHENTICATED" } } },
        });
    }

    public static bool HasBearer(HttpRequest request) => TryReadBearer(request, out _);

    private static bool TryReadBearer(HttpRequest request, out string secret)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string prefix = "Bearer ";
        secret = header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : "";
        return secret.Length > 0;
    }
}
