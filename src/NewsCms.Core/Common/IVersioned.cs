namespace NewsCms.Core.Common;

/// <summary>A row that editors change under optimistic concurrency (see <see cref="VersionedSaves"/>).</summary>
public interface IVersioned
{
    int Id { get; }

    /// <summary>Incremented on every save; an update that carries an older value is a conflict.</summary>
    int Version { get; set; }
}
