using GraphQL.Types;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.GraphQL.Staff;

public sealed class StaffUserGraphType : ObjectGraphType<StaffAccount>
{
    public StaffUserGraphType()
    {
        Name = StaffIds.TypeName;
        Description = "A staff account, as administrators manage it.";
        this.RequirePermission(Permission.ManageStaff);

        Field<NonNullGraphType<IdGraphType>>("id").Description("The account's global id.").Resolve(c => StaffIds.Encode(c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("email").Description("The e-mail address the staff member signs in with.").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("The name shown in the admin UI and the audit log.").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Description("The account's roles.").Resolve(c => c.Source.Roles);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the account was created, in UTC.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<BooleanGraphType>>("lockedOut")
            .Description("Whether the account cannot sign in now: locked by an administrator or after repeated failed sign-ins.")
            .Resolve(c => c.Source.IsLockedOut);
    }
}

public sealed class CreateStaffUserInputGraphType : InputObjectGraphType
{
    public CreateStaffUserInputGraphType()
    {
        Name = "CreateStaffUserInput";
        Description = "A new staff account.";
        Field<NonNullGraphType<StringGraphType>>("email").Description("The e-mail address the staff member will sign in with; unique.");
        Field<NonNullGraphType<StringGraphType>>("password").Description("The first password: at least 12 characters.");
        Field<NonNullGraphType<StringGraphType>>("role").Description($"The role: one of {string.Join(", ", StaffRoles.All)}.");
        Field<StringGraphType>("displayName").Description("The name shown in the admin UI; the e-mail address when omitted.");
    }
}
