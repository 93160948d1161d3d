using System.Globalization;
using GraphQL.Types;
using NewsCms.Core.Audit;
using NewsCms.Core.Staff;
using NewsCms.GraphQL.Authorization;
using NewsCms.GraphQL.Relay;

namespace NewsCms.GraphQL.Audit;

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public const string TypeName = "AuditEntry";

    public AuditEntryGraphType()
    {
        Name = TypeName;
        Description = "One staff write, as the audit log recorded it. Entries are never changed or deleted.";
        this.RequirePermission(Permission.ReadAuditLog);

        Field<NonNullGraphType<StringGraphType>>("id").Description("The entry's number; later entries have larger ones.")
            .Resolve(c => c.Source.Id.ToString(CultureInfo.InvariantCulture));
        Field<NonNullGraphType<DateTimeGraphType>>("occurredAt").Description("When the change was saved, in UTC.").Resolve(c => c.Source.OccurredAt);
        Field<NonNullGraphType<StringGraphType>>("actor")
            .Description("The staff member's e-mail address at the time, or `system:<job>` when the server acted on its own.")
            .Resolve(c => c.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("What was done, named after the mutation, such as `lockStaffUser`.").Resolve(c => c.Source.Operation);
        Field<NonNullGraphType<StringGraphType>>("entityType").Description("The type of the changed object, as in its global id, such as `Article`.").Resolve(c => c.Source.EntityType);
        Field<NonNullGraphType<IdGraphType>>("entityId").Description("The changed object's global id; pass it as `auditLog(entityId:)` to see its history.")
            .Resolve(c => int.TryParse(c.Source.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? GlobalId.Encode(c.Source.EntityType, id)
                : c.Source.EntityId);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("What changed, in a sentence.").Resolve(c => c.Source.Summary);
    }
}

public sealed class AuditEntryConnectionGraphType() : ConnectionGraphType<AuditEntryGraphType, AuditEntryEdgeGraphType, AuditEntry>(AuditEntryGraphType.TypeName);

public sealed class AuditEntryEdgeGraphType() : EdgeGraphType<AuditEntryGraphType, AuditEntry>(AuditEntryGraphType.TypeName);
