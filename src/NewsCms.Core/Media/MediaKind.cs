using System.ComponentModel;

namespace NewsCms.Core.Media;

// The descriptions travel into the schema, where the library's type filter is documented by them.

/// <summary>What an asset is, decided from its bytes, never from its name.</summary>
public enum MediaKind
{
    [Description("A picture: JPEG, PNG, WebP or GIF.")]
    Image,

    [Description("A video: MP4.")]
    Video,

    [Description("A document: PDF.")]
    Document,
}
