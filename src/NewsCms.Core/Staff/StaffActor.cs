using NewsCms.Core.Common;

namespace NewsCms.Core.Staff;

/// <summary>
/// The signed-in caller a core service acts for. Every write takes one and checks its permission again, so a bug in
/// the GraphQL rule (or a second client of the services, like the admin UI) cannot skip authorization.
/// </summary>
public sealed record StaffActor(int UserId, string Email, IReadOnlySet<string> Roles)
{
    public bool Has(Permission permission) => Roles.Any(role => StaffRoles.Grants.TryGetValue(role, out var granted) && granted.Contains(permission));

    public void Require(Permission permission)
    {
        if (!Has(permission))
        {
            throw new NewsCmsException(ErrorCode.Forbidden, $"Your role does not allow this ({permission}).");
        }
    }

    /// <summary>For services that take an optional actor: no actor means nobody signed in.</summary>
    public static StaffActor Required(StaffActor? actor) =>
        actor ?? throw new NewsCmsException(ErrorCode.Unauthenticated, "Sign in or send an API token to do this.");
}
