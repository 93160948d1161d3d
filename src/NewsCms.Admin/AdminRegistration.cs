using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsCms.Admin.Components;
using NewsCms.Core.Staff;
using NewsCms.Core.Articles;

namespace NewsCms.Admin;

/// <summary>The host's two calls: the admin's services, and its pages at <see cref="AdminPaths.Home"/>.</summary>
public static class AdminRegistration
{
    public static IServiceCollection AddNewsCmsAdmin(this IServiceCollection services)
    {
        // The story editor sends its whole Markdown body with each keystroke, so a message must hold the longest body
        // the core accepts (three bytes a character at worst in UTF-8) and its JSON envelope.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = (ArticleBody.MarkdownMaxLength * 3L) + (64 * 1024));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, StaffAuthenticationRevalidator>();
        services.AddScoped<StaffTime>();
        services.AddSingleton<FirstAdministratorSetup>();
        AddPasskeyCeremony(services);
        services.AddHostedService(provider => provider.GetRequiredService<FirstAdministratorSetup>());
        return services;
    }

    /// <summary>
    /// Identity's sign-in manager, for its WebAuthn ceremony only: it keeps the ceremony's challenge in the
    /// <see cref="IdentityConstants.TwoFactorUserIdScheme"/> cookie, which the host registers. Signing in itself is
    /// ours, with the same staff cookie as the password form.
    /// </summary>
    private static void AddPasskeyCeremony(IServiceCollection services)
    {
        new IdentityBuilder(typeof(StaffUser), typeof(IdentityRole<int>), services).AddSignInManager();
        services.Configure<IdentityPasskeyOptions>(passkeys =>
        {
            // Discoverable credentials: the sign-in page asks for no e-mail, the authenticator knows whose key it is.
            passkeys.ResidentKeyRequirement = "required";
            // The passkey is the whole sign-in, so the device must check that its owner is present (PIN, fingerprint).
            passkeys.UserVerificationRequirement = "required";
        });
    }

    /// <summary>
    /// Maps the admin's pages, its static files and the Blazor framework's endpoints. Call after authentication and
    /// authorization: the antiforgery check that guards every admin form runs here.
    /// </summary>
    public static WebApplication MapNewsCmsAdmin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // An address inside the admin that names no desk gets the admin's own page, not an empty 404.
        app.UseWhen(
            http => http.Request.Path.StartsWithSegments(AdminPaths.Home, StringComparison.OrdinalIgnoreCase),
            admin => admin.UseStatusCodePagesWithReExecute(AdminPaths.NotFound));
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        // A form post with an antiforgery token: a link or another site's page cannot sign an editor out.
        app.MapPost(AdminPaths.SignOut, async (HttpContext http, [FromForm] string? returnUrl) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect(AdminPaths.SignIn);
        }).ExcludeFromDescription();
        app.MapPasskeyCeremony();
        return app;
    }
}
