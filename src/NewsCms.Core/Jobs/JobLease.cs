namespace NewsCms.Core.Jobs;

/// <summary>
/// The right to run one background job, held by one server process until <see cref="ExpiresAt"/>. Every replica
/// ticks; only the holder works, renewing the lease each run, so a job runs once however many replicas there are,
/// and another replica takes over once the holder stops renewing (stopped, crashed, cut off from the database).
/// </summary>
public sealed class JobLease
{
    public const int NameMaxLength = 100;
    public const int HolderMaxLength = 200;

    /// <summary>The job, such as <c>scheduled-publishing</c>.</summary>
    public required string Name { get; set; }

    /// <summary>The process holding the lease, unique per process start.</summary>
    public required string Holder { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }
}
