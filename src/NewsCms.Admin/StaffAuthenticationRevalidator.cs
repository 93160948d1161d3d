using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;
using NewsCms.Core.Staff;

namespace NewsCms.Admin;

/// <summary>
/// A circuit keeps the principal it started with for as long as the tab stays open. Every minute this checks the
/// account again, so a locked account or a changed role reaches an open admin tab too; the core checks each action's
/// permission against the same actor regardless.
/// </summary>
internal sealed class StaffAuthenticationRevalidator(ILoggerFactory loggerFactory, StaffAccounts accounts)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var signedIn = StaffClaims.ToActor(authenticationState.User);
        if (signedIn is null)
        {
            return false;
        }

        var current = await accounts.ActorOfAsync(signedIn.UserId, cancellationToken);
        return current is not null && current.Roles.SetEquals(signedIn.Roles) && current.Email == signedIn.Email;
    }
}
