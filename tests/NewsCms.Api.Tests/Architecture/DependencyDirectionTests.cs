using System.Reflection;

namespace NewsCms.Api.Tests.Architecture;

/// <summary>
/// Dependencies point one way: Server → (GraphQL, Admin, providers, the Azure media store, the mail transports, Redis) → Core. The core knows no web
/// framework, no GraphQL, no Azure and no database provider, so every rule in it is testable and reusable by any host.
/// Adapters know their own technology and the core, never each other nor the host.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        ["NewsCms.Core"] = ["Microsoft.AspNetCore", "GraphQL", "Azure", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqlServer", "Npgsql", "NewsCms.GraphQL", "NewsCms.Server", "NewsCms.Data."],
        ["NewsCms.GraphQL"] = ["Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqlServer", "Npgsql", "Azure", "NewsCms.Server", "NewsCms.Data.", "NewsCms.Admin"],
        // The admin is a second client of the core services, beside GraphQL: it must not reach around them.
        ["NewsCms.Admin"] = ["Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqlServer", "Npgsql", "Azure", "GraphQL", "NewsCms.GraphQL", "NewsCms.Server", "NewsCms.Data.", "NewsCms.Media.", "NewsCms.Mail"],
        ["NewsCms.Data.Sqlite"] = ["Microsoft.AspNetCore", "GraphQL", "NewsCms.GraphQL", "NewsCms.Server", "NewsCms.Data.SqlServer", "NewsCms.Data.PostgreSql"],
        ["NewsCms.Data.SqlServer"] = ["Microsoft.AspNetCore", "GraphQL", "NewsCms.GraphQL", "NewsCms.Server", "NewsCms.Data.Sqlite", "NewsCms.Data.PostgreSql"],
        ["NewsCms.Data.PostgreSql"] = ["Microsoft.AspNetCore", "GraphQL", "NewsCms.GraphQL", "NewsCms.Server", "NewsCms.Data.Sqlite", "NewsCms.Data.SqlServer"],
        ["NewsCms.Media.Azure"] = ["Microsoft.AspNetCore", "GraphQL", "Microsoft.EntityFrameworkCore", "Npgsql", "NewsCms.GraphQL", "NewsCms.Server", "NewsCms.Data."],
        ["NewsCms.Mail"] = ["Microsoft.AspNetCore", "GraphQL", "Microsoft.EntityFrameworkCore", "Npgsql", "Azure", "NewsCms.GraphQL", "NewsCms.Server", "NewsCms.Data.", "NewsCms.Media."],
        ["NewsCms.Redis"] = ["Microsoft.AspNetCore", "GraphQL", "Microsoft.EntityFrameworkCore", "Npgsql", "Azure", "NewsCms.GraphQL", "NewsCms.Server", "NewsCms.Data.", "NewsCms.Media.", "NewsCms.Mail", "NewsCms.Admin"],
    };

    /// <summary>
    /// Named like ASP.NET Core but free of it: Identity's EF store and data protection's EF key store depend only on
    /// EF Core, Microsoft.Extensions and the standalone data-protection package (no ASP.NET Core framework), and staff
    /// accounts and the keys that sign their cookies belong in the one model every replica shares.
    /// </summary>
    private static readonly string[] Allowed = ["Microsoft.AspNetCore.Identity.EntityFrameworkCore", "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore"];

    public static TheoryData<string> Projects => new(Forbidden.Keys);

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_nothing_it_must_not(string project)
    {
        var assembly = Assembly.Load(project);

        var offending = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => Forbidden[project].Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)) && !Allowed.Contains(name))
            .ToList();

        Assert.True(offending.Count == 0, $"{project} must not reference {string.Join(", ", offending)}");
    }

    [Fact]
    public void The_rule_itself_catches_a_forbidden_reference()
    {
        var server = Assembly.Load("NewsCms.Server").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains(server, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains("NewsCms.Core", server);
    }

    [Fact]
    public void The_azure_media_store_is_an_adapter_of_the_core_and_the_server_chooses_it()
    {
        var adapter = Assembly.Load("NewsCms.Media.Azure").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("Azure.Storage.Blobs", adapter);
        Assert.Contains("NewsCms.Core", adapter);
        Assert.Contains("NewsCms.Media.Azure", Assembly.Load("NewsCms.Server").GetReferencedAssemblies().Select(a => a.Name!));
    }

    [Fact]
    public void The_mail_transports_are_an_adapter_of_the_core_and_the_server_chooses_them()
    {
        var adapter = Assembly.Load("NewsCms.Mail").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("MailKit", adapter);
        Assert.Contains("NewsCms.Core", adapter);
        Assert.Contains("NewsCms.Mail", Assembly.Load("NewsCms.Server").GetReferencedAssemblies().Select(a => a.Name!));
        Assert.DoesNotContain(Assembly.Load("NewsCms.Core").GetReferencedAssemblies(), a => a.Name is "MailKit" or "MimeKit");
    }

    [Fact]
    public void Redis_is_an_adapter_of_the_core_and_the_server_chooses_it()
    {
        var adapter = Assembly.Load("NewsCms.Redis").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("StackExchange.Redis", adapter);
        Assert.Contains("NewsCms.Core", adapter);
        Assert.DoesNotContain(adapter, name => name.StartsWith("NewsCms.", StringComparison.Ordinal) && name != "NewsCms.Core");
        Assert.Contains("NewsCms.Redis", Assembly.Load("NewsCms.Server").GetReferencedAssemblies().Select(a => a.Name!));
        Assert.DoesNotContain(Assembly.Load("NewsCms.Core").GetReferencedAssemblies(), a => a.Name!.Contains("Redis", StringComparison.Ordinal));
    }
}
