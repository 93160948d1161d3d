using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using NewsCms.Api.Tests.Infrastructure;
using NewsCms.Testing;

namespace NewsCms.Api.Tests.Schema;

/// <summary>
/// The printed schema is the contract frontends code against: it lives in the repository, and any change to it shows
/// up in review as a diff of schema.graphql. Set NEWSCMS_UPDATE_SCHEMA=1 to rewrite the file after a deliberate change.
/// </summary>
public sealed class SchemaTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly string SchemaFile = Path.Combine(TestEnvironment.RepositoryRoot, "src", "NewsCms.GraphQL", "schema.graphql");

    [Fact]
    public void The_schema_matches_the_printed_schema_graphql()
    {
        var printed = api.Schema().Print(new PrintOptions { IncludeDescriptions = true, StringComparison = StringComparison.Ordinal }).ReplaceLineEndings("\n").TrimEnd() + "\n";

        if (Environment.GetEnvironmentVariable("NEWSCMS_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaFile, printed);
        }

        Assert.True(File.Exists(SchemaFile), $"{SchemaFile} is missing: run the tests once with NEWSCMS_UPDATE_SCHEMA=1.");
        var committed = File.ReadAllText(SchemaFile).ReplaceLineEndings("\n");
        Assert.True(committed == printed, "The schema changed: review the change, then rerun with NEWSCMS_UPDATE_SCHEMA=1 to update schema.graphql.");
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var missing = new List<string>();
        foreach (var type in api.Schema().AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !IsBuiltInScalar(t)))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }

            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)))
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                    {
                        missing.Add($"{type.Name}.{field.Name}");
                    }

                    missing.AddRange((field.Arguments ?? []).Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{type.Name}.{field.Name}({a.Name})"));
                }
            }

            if (type is EnumerationGraphType enumeration)
            {
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
            }
        }

        Assert.True(missing.Count == 0, "Undescribed: " + string.Join(", ", missing));
    }

    private static bool IsBuiltInScalar(IGraphType type) =>
        type is ScalarGraphType && type.Name is "String" or "Int" or "Float" or "Boolean" or "ID" or "DateTime" or "Long";
}
