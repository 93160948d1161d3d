using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Staff;

namespace NewsCms.GraphQL.Authorization;

/// <summary>
/// Who may touch a field, argument or type, written where the schema element is declared. Query fields are public
/// unless marked; mutations are staff-only unless marked public, so a forgotten mark fails closed.
/// </summary>
public static class Access
{
    internal const string PermissionKey = "newscms:permission";
    internal const string SignedInKey = "newscms:signedIn";
    internal const string PublicMutationKey = "newscms:publicMutation";

    /// <summary>Only staff whose role grants <paramref name="permission"/>.</summary>
    public static T RequirePermission<T>(this T element, Permission permission)
        where T : IMetadataWriter
    {
        ArgumentNullException.ThrowIfNull(element);
        element.Metadata[PermissionKey] = permission;
        return element;
    }

    /// <summary>Any signed-in staff member, whatever the role (their own profile and tokens).</summary>
    public static T RequireSignedIn<T>(this T element)
        where T : IMetadataWriter
    {
        ArgumentNullException.ThrowIfNull(element);
        element.Metadata[SignedInKey] = true;
        return element;
    }

    /// <summary>A mutation readers and partners may call without signing in.</summary>
    public static T AllowAnonymousCallers<T>(this T element)
        where T : IMetadataWriter
    {
        ArgumentNullException.ThrowIfNull(element);
        element.Metadata[PublicMutationKey] = true;
        return element;
    }

    /// <summary>What the element demands: nothing (null), any signed-in caller, or a permission.</summary>
    public static AccessRequirement? RequirementOf(IMetadataReader element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.GetMetadata<Permission?>(PermissionKey) is { } permission)
        {
            return new AccessRequirement(permission);
        }

        return element.GetMetadata(SignedInKey, false) ? new AccessRequirement(null) : null;
    }

    public static bool IsPublicMutation(IMetadataReader field) => field?.GetMetadata(PublicMutationKey, false) ?? false;

    /// <summary>The acting staff member of a resolver; core services check their permission again.</summary>
    public static StaffActor Actor(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return StaffActor.Required(StaffClaims.ToActor(context.User));
    }

    /// <summary>The acting staff member, or null for an anonymous reader.</summary>
    public static StaffActor? ActorOrNull(this IResolveFieldContext context) => StaffClaims.ToActor(context?.User);
}

/// <summary>A demand on the caller: signed in, and when <see cref="Permission"/> is set, a role that grants it.</summary>
public sealed record AccessRequirement(Permission? Permission)
{
    public bool IsMetBy(StaffActor actor) => Permission is not { } permission || actor.Has(permission);
}
