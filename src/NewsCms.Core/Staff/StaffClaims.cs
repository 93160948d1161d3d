using System.Globalization;
using System.Security.Claims;

namespace NewsCms.Core.Staff;

/// <summary>
/// The one translation between a signed-in principal (cookie or API token) and the actor the core acts for, so both
/// ways of signing in carry exactly the same identity.
/// </summary>
public static class StaffClaims
{
    public const string AuthenticationType = "NewsCms";

    public static ClaimsPrincipal ToPrincipal(StaffActor actor, string authenticationType = AuthenticationType)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Email, actor.Email),
            new(ClaimTypes.Name, actor.Email),
        };
        claims.AddRange(actor.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Null when nobody is signed in.</summary>
    public static StaffActor? ToActor(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(StaffRoles.IsRole).ToHashSet(StringComparer.Ordinal);
        return new StaffActor(userId, principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity.Name ?? "", roles);
    }
}
