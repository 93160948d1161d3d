using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Audit;
using NewsCms.Core.Common;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Articles;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Audit;

/// <summary>
/// The audit log is read-only by construction: there is no mutation for it, and the context refuses to save a changed
/// or deleted entry whoever asks.
/// </summary>
internal static class AuditQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<AuditEntryConnectionGraphType>>("auditLog")
            .Description("The audit log, newest first. Filters combine.")
            .Argument<IntGraphType>("first", a => a.Description = $"How many entries to return: {PageRequest.DefaultSize} by default, at most {PageRequest.MaxSize}.")
            .Argument<StringGraphType>("after", a => a.Description = "Return the entries after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<IdGraphType>("entityId", a => a.Description = "Only entries about the object with this global id.")
            .Argument<StringGraphType>("actor", a => a.Description = "Only entries by the staff member with this e-mail address, or by a system job such as `system:cli`.")
            .Argument<StringGraphType>("operation", a => a.Description = "Only entries of this operation, such as `publishArticle` or `createApiToken`.")
            .Argument<StringGraphType>("entityType", a => a.Description = "Only entries about objects of this type, such as `Article` or `StaffUser`.")
            .Argument<DateTimeGraphType>("from", a => a.Description = "Only entries at or after this time; without an offset it is read as UTC.")
            .Argument<DateTimeGraphType>("until", a => a.Description = "Only entries before this time; without an offset it is read as UTC.")
            .RequirePermission(Permission.ReadAuditLog)
            .ResolveAsync(async c =>
            {
                var filter = new AuditLogFilter(
                    EntityType: c.GetArgument<string?>("entityType"),
                    Actor: c.GetArgument<string?>("actor"),
                    Operation: c.GetArgument<string?>("operation"),
                    From: EditorialArguments.Utc(c.GetArgument<object?>("from")),
                    Until: EditorialArguments.Utc(c.GetArgument<object?>("until")));
                if (c.GetArgument<string?>("entityId") is { } entityId)
                {
                    filter = GlobalId.TryDecode(entityId, out var type, out var id)
                        ? filter with { EntityType = type, EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                        : throw NewsCmsException.Invalid("entityId", $"'{entityId}' is not a global id.");
                }

                return await c.Service<AuditLogReader>().ListAsync(
                    c.Actor(), filter, PageRequest.Create(c.GetArgument<int?>("first"), c.GetArgument<string?>("after")), c.CancellationToken);
            });
    }
}
