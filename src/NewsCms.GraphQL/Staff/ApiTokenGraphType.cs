using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Staff;

public sealed class ApiTokenGraphType : ObjectGraphType<ApiToken>
{
    public const string TypeName = "ApiToken";

    public ApiTokenGraphType()
    {
        Name = TypeName;
        Description = "A bearer token a program uses to call the API as a staff member. The secret itself is shown only once, when issued.";
        this.RequireSignedIn();

        Field<NonNullGraphType<IdGraphType>>("id").Description("The token's global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("What the token is for, as its owner named it.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("prefix").Description("The first characters of the secret, to tell tokens apart.").Resolve(c => c.Source.Prefix);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the token was issued, in UTC.").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeGraphType>("expiresAt").Description("When the token stops working, in UTC; null if it does not expire.").Resolve(c => c.Source.ExpiresAt);
        Field<DateTimeGraphType>("revokedAt").Description("When the token was revoked, in UTC; null while it is not.").Resolve(c => c.Source.RevokedAt);
        Field<DateTimeGraphType>("lastUsedAt").Description("When the token was last used, to the minute, in UTC.").Resolve(c => c.Source.LastUsedAt);
        Field<NonNullGraphType<BooleanGraphType>>("isActive").Description("Whether the token works now: neither revoked nor expired.")
            .Resolve(c => c.Source.IsUsableAt(c.Service<TimeProvider>().GetUtcNow().UtcDateTime));
    }
}

public sealed class IssuedApiTokenGraphType : ObjectGraphType<IssuedApiToken>
{
    public IssuedApiTokenGraphType()
    {
        Name = "IssuedApiToken";
        Description = "A token just issued, with its secret. Store the secret now: it is never shown again.";
        this.RequireSignedIn();

        Field<NonNullGraphType<ApiTokenGraphType>>("token").Description("The token's details.").Resolve(c => c.Source.Token);
        Field<NonNullGraphType<StringGraphType>>("secret").Description("The value to send as `Authorization: Bearer <secret>`.").Resolve(c => c.Source.Secret);
    }
}
