using NewsCms.DeploymentTests.Infrastructure;

namespace NewsCms.DeploymentTests;

/// <summary>
/// The checker the compose, Bicep and Dockerfile tests rely on: it must know the keys the server reads and refuse a
/// misspelt one, or those tests prove nothing.
/// </summary>
public sealed class ConfigurationKeyTests
{
    [Theory]
    [InlineData("ConnectionStrings__NewsCms")]
    [InlineData("NewsCms__Database__Provider")]
    [InlineData("NewsCms__Database__SeedDemoContent")]
    [InlineData("NewsCms__Media__Store")]
    [InlineData("NewsCms__Media__AzureBlob__ConnectionString")]
    [InlineData("NewsCms__Media__AzureBlob__AccountUrl")]
    [InlineData("NewsCms__Media__AzureBlob__Container")]
    [InlineData("NewsCms__Media__PublicBaseUrl")]
    [InlineData("NewsCms__Media__RenditionWidths__3")]
    [InlineData("NewsCms__Mail__Smtp__Host")]
    [InlineData("NewsCms__Mail__MaxAttempts")]
    [InlineData("NewsCms__Preview__SigningKey")]
    [InlineData("NewsCms__GraphQL__GetCacheMaxAgeSeconds")]
    [InlineData("NewsCms__DataPath")]
    [InlineData("newscms__media__store")]
    [InlineData("ASPNETCORE_ENVIRONMENT")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public void A_key_the_server_reads_is_accepted(string variable) =>
        Assert.True(AppConfigurationKeys.OfTheServer.IsRead(variable), $"{variable} should be a key the server reads");

    [Theory]
    [InlineData("NewsCms__Databse__Provider")]
    [InlineData("NewsCms__Media__AzureBlob__Containr")]
    [InlineData("NewsCms__Media__Store__Extra")]
    [InlineData("NewsCms__Media__RenditionWidths__first")]
    [InlineData("NewsCms__Preview__HasUsableSigningKey")]
    [InlineData("NewsCms__Database")]
    [InlineData("ConnectionStrings__Newscms2")]
    [InlineData("NEWSCMS_DATABASE_PROVIDER")]
    [InlineData("ASPNETCORE_ENVIROMENT")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPIONT")]
    public void A_misspelt_or_made_up_key_is_refused(string variable) =>
        Assert.False(AppConfigurationKeys.OfTheServer.IsRead(variable), $"{variable} is not a key the server reads");

    [Fact]
    public void The_keys_come_from_every_options_type_of_the_server()
    {
        var keys = AppConfigurationKeys.FoundInCode.Keys;
        Assert.Contains("NewsCms:Publishing:IntervalSeconds", keys);
        Assert.Contains("NewsCms:Applications:RetentionDays", keys, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("NewsCms:Newsletter:PublicBaseUrl", keys, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("ConnectionStrings:NewsCms", keys);
    }

    [Fact]
    public void A_key_decided_for_scale_out_agrees_with_its_options_type_once_that_exists()
    {
        var disagreeing = AppConfigurationKeys.DecidedKeysAreReadWhereTheirSectionExists().ToList();
        Assert.True(disagreeing.Count == 0,
            $"These decided keys' sections exist in the code but the keys do not: {string.Join(", ", disagreeing)}");
    }
}
