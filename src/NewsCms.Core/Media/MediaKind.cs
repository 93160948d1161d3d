namespace NewsCms.Core.Media;

/// <summary>What an asset is, decided from its bytes, never from its name.</summary>
public enum MediaKind
{
    Image,
    Video,
    Document,
}
