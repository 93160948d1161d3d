using NewsCms.Core.Staff;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Authorization;

/// <summary>The README's permission matrix is what people read; the code's matrix is what runs. They must agree.</summary>
public sealed class PermissionMatrixTests
{
    [Fact]
    public void The_readme_table_matches_the_roles_in_the_code()
    {
        var readme = File.ReadAllLines(Path.Combine(TestEnvironment.RepositoryRoot, "README.md"));
        var start = Array.FindIndex(readme, line => line.StartsWith("<!-- permission-matrix", StringComparison.Ordinal));
        var end = Array.FindIndex(readme, line => line.StartsWith("<!-- /permission-matrix", StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, "README.md lost its permission matrix markers.");

        var rows = readme[(start + 1)..end].Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray()).ToList();
        var roles = rows[0][3..^1];
        var documented = rows.Skip(2).ToDictionary(
            row => Enum.Parse<Permission>(row[1].Trim('`')),
            row => roles.Where((_, index) => row[3 + index] == "✓").ToHashSet());

        Assert.Equal(StaffRoles.All, roles);
        Assert.Equal(Enum.GetValues<Permission>().Order(), documented.Keys.Order());
        foreach (var (permission, granted) in documented)
        {
            Assert.Equal(StaffRoles.Granting(permission).ToHashSet(), granted);
        }
    }
}
