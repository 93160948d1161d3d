using GraphQL.Types;
using NewsCms.Core.Staff;

namespace NewsCms.GraphQL.Staff;

public sealed class ViewerGraphType : ObjectGraphType<StaffActor>
{
    public ViewerGraphType()
    {
        Name = "Viewer";
        Description = "The signed-in staff member making the request.";

        Field<NonNullGraphType<IdGraphType>>("id").Description("The staff member's global id, as in `staffUsers`.").Resolve(c => StaffIds.Encode(c.Source.UserId));
        Field<NonNullGraphType<StringGraphType>>("email").Description("The staff member's e-mail address.").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Description("The staff member's roles.")
            .Resolve(c => c.Source.Roles.Order(StringComparer.Ordinal));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PermissionGraphType>>>>("permissions")
            .Description("What the roles allow, so a client can show only the actions that will work.")
            .Resolve(c => Enum.GetValues<Permission>().Where(c.Source.Has));
    }
}

public sealed class PermissionGraphType : EnumerationGraphType<Permission>
{
    public PermissionGraphType()
    {
        Name = "Permission";
        Description = "Something a staff role allows.";
    }
}
