using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;

namespace NewsCms.Admin;

/// <summary>
/// The server's half of the WebAuthn ceremonies that admin.js runs in the browser. Each call carries the page's
/// antiforgery token in a header, so another site cannot start a ceremony in an editor's name; the staff cookie is
/// SameSite=Strict on top. Signing in with the asserted passkey happens on the sign-in page, like the password.
/// </summary>
internal static class PasskeyCeremony
{
    public static IEndpointRouteBuilder MapPasskeyCeremony(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AdminPaths.PasskeyCreationOptions, CreationOptionsAsync).RequireAuthorization().ExcludeFromDescription();
        endpoints.MapPost(AdminPaths.PasskeyRegistration, RegisterAsync).RequireAuthorization().ExcludeFromDescription();
        endpoints.MapPost(AdminPaths.PasskeyRequestOptions, RequestOptionsAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Options for <c>navigator.credentials.create</c>, for the signed-in member; the challenge waits in a cookie.</summary>
    private static async Task<IResult> CreationOptionsAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<StaffUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return ForgedRequest();
        }

        var actor = StaffClaims.ToActor(http.User);
        var user = actor is null ? null : await signIn.UserManager.FindByIdAsync(actor.UserId.ToString(CultureInfo.InvariantCulture));
        if (user is null)
        {
            return Refusal(new NewsCmsException(ErrorCode.Unauthenticated, "Sign in again to register a passkey."));
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(CultureInfo.InvariantCulture),
            Name = user.Email ?? actor!.Email,
            DisplayName = string.IsNullOrEmpty(user.DisplayName) ? actor!.Email : user.DisplayName,
        });
        return TypedResults.Content(options, "application/json");
    }

    /// <summary>Verifies the credential the browser created and keeps it under the name the member gave it.</summary>
    private static async Task<IResult> RegisterAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<StaffUser> signIn, StaffPasskeys passkeys, NewPasskey input)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return ForgedRequest();
        }

        var actor = StaffClaims.ToActor(http.User);
        if (actor is null)
        {
            return Refusal(new NewsCmsException(ErrorCode.Unauthenticated, "Sign in again to register a passkey."));
        }

        if (string.IsNullOrEmpty(input?.CredentialJson))
        {
            return Refusal(NewsCmsException.Invalid("credential", "The browser sent no passkey."));
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(input.CredentialJson);
        }
        catch (InvalidOperationException)
        {
            // No ceremony cookie: it expired, or the options came from another tab that has since used it.
            return Refusal(NewsCmsException.Invalid("credential", "The passkey request expired; try again."));
        }

        if (!attestation.Succeeded)
        {
            return Refusal(NewsCmsException.Invalid("credential", $"The passkey could not be verified: {attestation.Failure.Message}"));
        }

        if (attestation.UserEntity.Id != actor.UserId.ToString(CultureInfo.InvariantCulture))
        {
            // The ceremony began for another account (signed out and in again in another tab meanwhile).
            return Refusal(new NewsCmsException(ErrorCode.Conflict, "The passkey was made for another account; try again."));
        }

        try
        {
            return TypedResults.Json(await passkeys.RegisterAsync(actor, attestation.Passkey, input.Name ?? "", http.RequestAborted));
        }
        catch (NewsCmsException refusal)
        {
            return Refusal(refusal);
        }
    }

    /// <summary>
    /// Options for <c>navigator.credentials.get</c> naming no account: the authenticator offers the passkeys it holds
    /// for this site, and the one chosen says whose it is.
    /// </summary>
    private static async Task<IResult> RequestOptionsAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<StaffUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return ForgedRequest();
        }

        return TypedResults.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");
    }

    private static IResult ForgedRequest() =>
        Refusal(new NewsCmsException(ErrorCode.Forbidden, "The page is out of date; reload it and try again."));

    /// <summary>The core's refusal as the desk shows it: the same code, message and field errors as GraphQL's.</summary>
    private static IResult Refusal(NewsCmsException refusal) => TypedResults.Json(
        new { code = refusal.Code.ToString(), message = refusal.Message, fieldErrors = refusal.FieldErrors },
        statusCode: refusal.Code switch
        {
            ErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
            ErrorCode.Forbidden => StatusCodes.Status403Forbidden,
            ErrorCode.NotFound => StatusCodes.Status404NotFound,
            ErrorCode.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        });

    internal sealed record NewPasskey(string? CredentialJson, string? Name);
}
