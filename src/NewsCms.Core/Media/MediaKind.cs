using System.ComponentModel;

namespace NewsCms.Core.Media;

/// <summary>What an asset is, decided from its bytes, never from its name.</summary>
public enum MediaKind
{
    [Description("A photo, chart or logo: JPEG, PNG, WebP or GIF. Images have renditions.")]
    Image,

    [Description("An MP4 video, served as uploaded, in ranges for players that seek.")]
    Video,

    [Description("A PDF, served as uploaded.")]
    Document,
}
