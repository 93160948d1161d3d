namespace NewsCms.Core.Audit;

/// <summary>
/// One staff write: who, when, which operation on which entity, and what changed in a sentence. Rows are only ever
/// added (the context refuses to change or delete them), in the same save as the change they describe.
/// </summary>
public sealed class AuditEntry
{
    public const int OperationMaxLength = 100;
    public const int EntityTypeMaxLength = 50;
    public const int EntityIdMaxLength = 50;
    public const int ActorMaxLength = 256;
    public const int SummaryMaxLength = 2000;

    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>The staff user, or null when the server acted on its own (the scheduler lifting an embargo).</summary>
    public int? ActorUserId { get; set; }

    /// <summary>The actor's e-mail at the time, or the name of the background job: kept even if the account goes.</summary>
    public required string Actor { get; set; }
    public required string Operation { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string Summary { get; set; } = "";
}
