using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;

namespace NewsCms.GraphQL.Staff;

public sealed class PasskeyGraphType : ObjectGraphType<StaffPasskey>
{
    public PasskeyGraphType()
    {
        Name = "Passkey";
        Description = "One of your passkeys. Registering one needs the browser's WebAuthn ceremony, so it is done on the admin's security desk.";
        this.RequireSignedIn();

        Field<NonNullGraphType<IdGraphType>>("id").Description("The WebAuthn credential id, in base64url.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name you gave the passkey, such as \"Work laptop\".").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the passkey was registered, in UTC.").Resolve(c => c.Source.CreatedAt);
    }
}

/// <summary>One's own passkeys: list, rename and remove, as on the security desk.</summary>
internal static class PasskeyFields
{
    public static void AddQueryTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PasskeyGraphType>>>>("myPasskeys")
            .Description("Your passkeys, newest first.")
            .RequireSignedIn()
            .ResolveAsync(async c => await c.Service<StaffPasskeys>().ListAsync(c.Actor(), c.CancellationToken));

    public static void AddMutationsTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PasskeyGraphType>>("renamePasskey")
            .Description("Renames one of your passkeys.")
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The passkey's id.")
            .Argument<NonNullGraphType<StringGraphType>>("name", a => a.Description = $"The new name, 1 to {StaffPasskeys.NameMaxLength} characters.")
            .RequireSignedIn()
            .ResolveAsync(async c => await c.Service<StaffPasskeys>().RenameAsync(c.Actor(), c.GetArgument<string>("id"), c.GetArgument<string>("name"), c.CancellationToken));

        mutation.Field<NonNullGraphType<IdGraphType>>("removePasskey")
            .Description("Removes one of your passkeys at once: it no longer signs you in. Answers with its id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", a => a.Description = "The passkey's id.")
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                await c.Service<StaffPasskeys>().RemoveAsync(c.Actor(), id, c.CancellationToken);
                return id;
            });
    }
}
