using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;

namespace NewsCms.Admin.Components.Shared;

/// <summary>
/// The base of every desk: who is signed in (the same <see cref="StaffActor"/> a GraphQL call carries) and one way to
/// run an action so that a refusal from the core shows up inline instead of breaking the circuit.
/// </summary>
public abstract class DeskPage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected StaffActor Actor { get; private set; } = new(0, "", new HashSet<string>());

    /// <summary>The last action's refusal, for a <c>ProblemBanner</c>; cleared when the next action starts.</summary>
    protected Problem? Problem { get; set; }

    protected bool Can(Permission permission) => Actor.Has(permission);

    protected sealed override async Task OnInitializedAsync()
    {
        var state = await AuthenticationState;
        Actor = StaffClaims.ToActor(state.User) ?? Actor;
        await OnDeskInitializedAsync();
    }

    /// <summary>Loads what the desk shows; <see cref="Actor"/> is set by then.</summary>
    protected virtual Task OnDeskInitializedAsync() => Task.CompletedTask;

    /// <summary>Runs an editor's action; true when it succeeded, false when the core refused it (see <see cref="Problem"/>).</summary>
    protected async Task<bool> RunAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Problem = null;
        try
        {
            await action();
            return true;
        }
        catch (NewsCmsException refusal)
        {
            Problem = Admin.Problem.From(refusal);
            return false;
        }
    }
}
