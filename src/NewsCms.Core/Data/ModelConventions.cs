namespace NewsCms.Core.Data;

internal static class ModelConventions
{
    /// <summary>Enums are stored by name so that the tables read well in every provider's tools.</summary>
    public const int EnumMaxLength = 32;
}
