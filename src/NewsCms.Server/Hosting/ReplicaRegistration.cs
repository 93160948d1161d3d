using Microsoft.AspNetCore.DataProtection;
using NewsCms.Core.Data;

namespace NewsCms.Server.Hosting;

internal static class ReplicaRegistration
{
    /// <summary>The data-protection application name: fixed, so every replica (and every release) reads the same key ring.</summary>
    public const string DataProtectionApplicationName = "NewsCms";

    /// <summary>
    /// What makes one server of several interchangeable: its name among the replicas, and ASP.NET's data-protection
    /// keys in the database (table DataProtectionKeys), so a staff cookie, an antiforgery token or a passkey ceremony
    /// started on one replica is honoured by any other. Registered after the database, so that its start-up read of
    /// the key ring comes after the migrations the embedded default applies.
    /// </summary>
    public static WebApplicationBuilder AddNewsCmsReplicas(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ServerInstance.From(builder.Configuration));
        builder.Services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<NewsCmsDbContext>();
        return builder;
    }
}
