using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using NewsCms.Admin;
using NewsCms.Core.Staff;

namespace NewsCms.Server.Authentication;

/// <summary>
/// Two ways in for staff, one identity: API tokens for programs, a cookie for the admin UI in the browser. Both end in
/// the same claims (see StaffClaims), which the GraphQL authorization rule and the core services read.
/// </summary>
internal static class AuthenticationRegistration
{
    public const string SelectorScheme = "NewsCms";
    public const string CookieName = "NewsCms.Staff";
    public const string PasskeyCeremonyCookieName = "NewsCms.Passkey";

    public static WebApplicationBuilder AddNewsCmsAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API token or staff cookie", selector =>
                selector.ForwardDefaultSelector = http => ApiTokenAuthenticationHandler.HasBearer(http.Request)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                // Strict: a cross-site page can never make the browser send a staff write with this cookie.
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                // Secure outside Development: a staff cookie must never cross the network in clear. Development
                // serves http://localhost, which browsers trust, and the embedded default runs there.
                cookie.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = AdminPaths.SignIn;
                cookie.Events.OnValidatePrincipal = RefreshFromDatabaseAsync;
                // The admin's pages send a stranger to the sign-in page; the API answers with a status code.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    if (IsAdminPage(context.Request))
                    {
                        context.Response.Redirect(AdminPaths.SignInReturningTo(context.Request.Path + context.Request.QueryString));
                        return Task.CompletedTask;
                    }

                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, ceremony =>
            {
                // Identity's WebAuthn ceremony keeps its challenge here between the options and the browser's answer.
                ceremony.Cookie.Name = PasskeyCeremonyCookieName;
                ceremony.Cookie.HttpOnly = true;
                ceremony.Cookie.SameSite = SameSiteMode.Strict;
                ceremony.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                ceremony.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                ceremony.SlidingExpiration = false;
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// A cookie lives for hours, so it is checked against the account on every request: a locked or deleted account
    /// stops at once, and a role change applies to the next request. One indexed read per staff request; readers send
    /// no cookie and pay nothing.
    /// </summary>
    private static async Task RefreshFromDatabaseAsync(CookieValidatePrincipalContext context)
    {
        var signedIn = StaffClaims.ToActor(context.Principal);
        var current = signedIn is null
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<StaffAccounts>().ActorOfAsync(signedIn.UserId, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (!current.Roles.SetEquals(signedIn!.Roles) || current.Email != signedIn.Email)
        {
            context.ReplacePrincipal(StaffClaims.ToPrincipal(current));
            context.ShouldRenew = true;
        }
    }

    private static bool IsAdminPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments(AdminPaths.Home, StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseNewsCmsAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(RefuseBadBearerTokens);
        app.UseAuthorization();
        return app;
    }

    /// <summary>A caller who sent a token that does not work must learn that, not get the public view in silence.</summary>
    private static async Task RefuseBadBearerTokens(HttpContext http, RequestDelegate next)
    {
        if (ApiTokenAuthenticationHandler.HasBearer(http.Request) && http.User.Identity?.IsAuthenticated != true)
        {
            await http.ChallengeAsync(ApiTokenAuthenticationHandler.SchemeName);
            return;
        }

        await next(http);
    }
}
