using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Staff;

internal static class StaffQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<ViewerGraphType>("me")
            .Description("The signed-in staff member, or null for an anonymous caller.")
            .Resolve(c => c.ActorOrNull());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiTokenGraphType>>>>("apiTokens")
            .Description("API tokens of one staff member, newest first, revoked ones included: your own, or anyone's for administrators.")
            .Argument<IdGraphType>("ownerId", a => a.Description = "The owner's global id; your own tokens when omitted.")
            .RequireSignedIn()
            .ResolveAsync(async c => await c.Service<ApiTokens>().ListAsync(
                c.Actor(), c.GetArgument<string?>("ownerId") is { } owner ? StaffIds.Decode(owner, "ownerId") : null, c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StaffUserGraphType>>>>("staffUsers")
            .Description("Every staff account, by e-mail address.")
            .RequirePermission(Permission.ManageStaff)
            .ResolveAsync(async c => await c.Service<StaffAccounts>().ListAsync(c.Actor(), c.CancellationToken));
    }
}

internal static class StaffMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IssuedApiTokenGraphType>>("createApiToken")
            .Description("Issues an API token to yourself, or to another staff member if you are an administrator.")
            .Argument<NonNullGraphType<StringGraphType>>("name", a => a.Description = "What the token is for, such as \"newsletter builder\".")
            .Argument<IntGraphType>("expiresInDays", a => a.Description = "Days until the token stops working; it never expires when omitted.")
            .Argument<IdGraphType>("ownerId", a => a.Description = "The owner's global id; yourself when omitted.")
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var actor = c.Actor();
                var owner = c.GetArgument<string?>("ownerId") is { } id ? StaffIds.Decode(id, "ownerId") : actor.UserId;
                return await c.Service<ApiTokens>().IssueAsync(actor, owner, c.GetArgument<string>("name"), c.GetArgument<int?>("expiresInDays"), c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ApiTokenGraphType>>("revokeApiToken")
            .Description("Revokes an API token at once: yours, or anyone's if you are an administrator.")
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The token's global id.")
            .RequireSignedIn()
            .ResolveAsync(async c => await c.Service<ApiTokens>().RevokeAsync(
                c.Actor(), GlobalIdArguments.Require(c.GetArgument<string>("id"), ApiTokenGraphType.TypeName, "The API token"), c.CancellationToken));


        mutation.Field<NonNullGraphType<StaffUserGraphType>>("createStaffUser")
            .Description("Creates a staff account with one role.")
            .Argument<NonNullGraphType<CreateStaffUserInputGraphType>>("input", a => a.Description = "The new account.")
            .RequirePermission(Permission.ManageStaff)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var role = (string)input["role"]!;
                var user = await c.Service<StaffAccounts>().CreateAsync(
                    c.Actor(), new NewStaffUser((string)input["email"]!, (string)input["password"]!, role, input.GetValueOrDefault("displayName") as string), c.CancellationToken);
                return StaffAccounts.AccountOf(user, role);
            });

        mutation.Field<NonNullGraphType<StaffUserGraphType>>("setStaffUserRole")
            .Description("Gives a staff account exactly this role. Refused with CONFLICT when it would leave no active Administrator.")
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The account's global id.")
            .Argument<NonNullGraphType<StringGraphType>>("role", a => a.Description = $"The role: one of {string.Join(", ", StaffRoles.All)}.")
            .RequirePermission(Permission.ManageStaff)
            .ResolveAsync(async c => await c.Service<StaffAccounts>().SetRoleAsync(
                c.Actor(), StaffIds.Target(c.GetArgument<string>("id")), c.GetArgument<string>("role"), c.CancellationToken));

        mutation.Field<NonNullGraphType<StaffUserGraphType>>("lockStaffUser")
            .Description("Locks a staff account until it is unlocked; its cookies and API tokens stop working at once. Refused with CONFLICT for the last active Administrator.")
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The account's global id.")
            .RequirePermission(Permission.ManageStaff)
            .ResolveAsync(async c => await c.Service<StaffAccounts>().LockAsync(c.Actor(), StaffIds.Target(c.GetArgument<string>("id")), c.CancellationToken));

        mutation.Field<NonNullGraphType<StaffUserGraphType>>("unlockStaffUser")
            .Description("Unlocks a staff account, whether an administrator or repeated failed sign-ins locked it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The account's global id.")
            .RequirePermission(Permission.ManageStaff)
            .ResolveAsync(async c => await c.Service<StaffAccounts>().UnlockAsync(c.Actor(), StaffIds.Target(c.GetArgument<string>("id")), c.CancellationToken));
    }
}

internal static class StaffIds
{
    public const string TypeName = "StaffUser";

    public static string Encode(int userId) => GlobalId.Encode(TypeName, userId);

    /// <summary>A staff id used to filter (such as a token list's owner): one of another kind is a VALIDATION error of <paramref name="field"/>.</summary>
    public static int Decode(string globalId, string field) =>
        GlobalId.IdOf(globalId, TypeName) ?? throw NewsCmsException.Invalid(field, $"'{globalId}' is not the id of a staff member.");

    /// <summary>The account a mutation acts on: an id of another kind names no account, so it is NOT_FOUND.</summary>
    public static int Target(string globalId) => GlobalIdArguments.Require(globalId, TypeName, "The staff account");
}
