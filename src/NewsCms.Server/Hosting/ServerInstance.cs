using System.Globalization;
using System.Security.Cryptography;
using NewsCms.Core.Jobs;

namespace NewsCms.Server.Hosting;

/// <summary>
/// This server process among its replicas: a readable name (<c>NewsCms:Instance:Name</c>, else the machine name) and
/// the holder id it takes job leases under.
/// </summary>
internal sealed class ServerInstance
{
    public const string NameSetting = "NewsCms:Instance:Name";

    private const int NameMaxLength = 120;

    public ServerInstance(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Length > NameMaxLength ? name[..NameMaxLength] : name;
        // Unique per start, not just per name: replicas given one name by a shared configuration (a compose file's
        // environment), or two hosts in one test process, must never both believe they hold a lease.
        LeaseHolder = string.Create(CultureInfo.InvariantCulture, $"{Name}:{Environment.ProcessId}:{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
    }

    public string Name { get; }

    /// <summary>The <see cref="JobLease.Holder"/> this process takes leases under.</summary>
    public string LeaseHolder { get; }

    public static ServerInstance From(IConfiguration configuration)
    {
        var configured = configuration[NameSetting];
        return new ServerInstance(string.IsNullOrWhiteSpace(configured) ? Environment.MachineName : configured.Trim());
    }
}
