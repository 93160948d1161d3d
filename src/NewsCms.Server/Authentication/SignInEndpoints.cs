using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NewsCms.Core.Staff;

namespace NewsCms.Server.Authentication;

/// <summary>
/// Cookie sign-in for the browser (the admin UI). Programs use API tokens instead. GraphQL itself needs no CSRF token
/// for the cookie: it is SameSite=Strict, and the endpoint accepts POST only as application/json, which a cross-site
/// form or a "simple" fetch cannot send without a CORS preflight that we never grant.
/// </summary>
internal static class SignInEndpoints
{
    public const string SignInPath = "/auth/sign-in";
    public const string SignOutPath = "/auth/sign-out";

    // One message for every failure: the answer must not tell whether an e-mail has an account or is locked out.
    private const string Refusal = "The e-mail or password is wrong, or the account cannot sign in now.";

    public static IEndpointRouteBuilder MapNewsCmsSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignInPath, SignInAsync).ExcludeFromDescription();
        endpoints.MapPost(SignOutPath, SignOutAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, StaffAccounts accounts)
    {
        if (IsCrossSite(http.Request))
        {
            // A page of another site must not sign the browser in to an account of the attacker's choosing.
            return Results.Json(new { error = "Sign in from the site itself." }, statusCode: StatusCodes.Status403Forbidden);
        }

        var (email, password) = await ReadCredentialsAsync(http.Request);
        if (email is null || password is null)
        {
            return Results.Json(
                new { error = "Send {\"email\", \"password\"} as JSON or as a form." },
                statusCode: http.Request.HasFormContentType || http.Request.HasJsonContentType() ? StatusCodes.Status400BadRequest : StatusCodes.Status415UnsupportedMediaType);
        }

        var actor = await accounts.VerifyPasswordAsync(email, password, http.RequestAborted);
        if (actor is null)
        {
            return Results.Json(new { error = Refusal }, statusCode: StatusCodes.Status401Unauthorized);
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.ToPrincipal(actor));
        return Results.Json(new { email = actor.Email, roles = actor.Roles.Order(StringComparer.Ordinal) });
    }

    private static async Task SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static bool IsCrossSite(HttpRequest request) =>
        string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase);

    private static async Task<(string? Email, string? Password)> ReadCredentialsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return (NonEmpty(form["email"]), NonEmpty(form["password"]));
        }

        if (!request.HasJsonContentType())
        {
            return (null, null);
        }

        try
        {
            var body = await request.ReadFromJsonAsync<Credentials>(request.HttpContext.RequestAborted);
            return (NonEmpty(body?.Email), NonEmpty(body?.Password));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed record Credentials(string? Email, string? Password);
}
