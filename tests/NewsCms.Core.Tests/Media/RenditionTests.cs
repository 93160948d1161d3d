using NewsCms.Core.Media;
using Xunit;

namespace NewsCms.Core.Tests.Media;

public sealed class RenditionTests
{
    private static readonly MediaOptions Options = new() { RenditionWidths = [320, 640, 1280] };

    private static MediaAsset Photo(double focalX = 0.5, double focalY = 0.5) => new()
    {
        StorageId = "0123456789abcdef0123456789abcdef",
        FileName = "photo.jpg",
        ContentType = "image/jpeg",
        Kind = MediaKind.Image,
        Sha256 = new string('a', 64),
        Width = 4000,
        Height = 3000,
        FocalPointX = focalX,
        FocalPointY = focalY,
    };

    [Theory]
    [InlineData(1, 320)]
    [InlineData(320, 320)]
    [InlineData(321, 640)]
    [InlineData(641, 1280)]
    [InlineData(5000, 1280)]
    public void For_snaps_each_side_up_to_the_next_configured_width_and_caps_at_the_largest(int requested, int snapped)
    {
        var rendition = Rendition.For(Photo(), Options, requested, requested, MediaFit.Cover, RenditionFormat.WebP);

        Assert.Equal(snapped, rendition.Width);
        Assert.Equal(snapped, rendition.Height);
    }

    [Fact]
    public void For_without_a_height_is_a_contain_rendition_whatever_fit_was_asked()
    {
        var rendition = Rendition.For(Photo(), Options, 500, null, MediaFit.Cover, RenditionFormat.Jpeg);

        Assert.Equal("640-contain.jpg", rendition.Name);
    }

    [Fact]
    public void A_cover_name_carries_the_focal_point_in_percent()
    {
        var rendition = Rendition.For(Photo(0.9, 0.333), Options, 600, 300, MediaFit.Cover, RenditionFormat.WebP);

        Assert.Equal("640x320-cover-90-33.webp", rendition.Name);
    }

    [Theory]
    [InlineData("640x320-cover-90-33.webp")]
    [InlineData("640x320-cover-0-100.jpg")]
    [InlineData("1280-contain.jpg")]
    [InlineData("320x640-contain.webp")]
    public void TryParse_reads_back_exactly_what_Name_writes(string name)
    {
        Assert.True(Rendition.TryParse(name, out var rendition));
        Assert.Equal(name, rendition.Name);
    }

    [Fact]
    public void TryParse_round_trips_every_rendition_For_makes()
    {
        foreach (var fit in Enum.GetValues<MediaFit>())
        {
            foreach (var format in Enum.GetValues<RenditionFormat>())
            {
                foreach (int? height in new int?[] { null, 200, 2000 })
                {
                    var made = Rendition.For(Photo(0.25, 0.75), Options, 400, height, fit, format);

                    Assert.True(Rendition.TryParse(made.Name, out var parsed), made.Name);
                    Assert.Equal(made.Name, parsed.Name);
                    Assert.Equal((made.Width, made.Height, made.Fit, made.Format), (parsed.Width, parsed.Height, parsed.Fit, parsed.Format));
                    if (made.Fit == MediaFit.Cover)
                    {
                        Assert.Equal(made, parsed);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("photo.jpg")]
    [InlineData("640.webp")]
    [InlineData("640-cover.webp")]
    [InlineData("640-cover-50-50.webp")]
    [InlineData("0640-contain.webp")]
    [InlineData("0-contain.webp")]
    [InlineData("640x0-contain.webp")]
    [InlineData("+640-contain.webp")]
    [InlineData("640-contain.png")]
    [InlineData("640-contain.WEBP")]
    [InlineData("640-Contain.webp")]
    [InlineData("640x320-cover-101-50.webp")]
    [InlineData("640x320-cover-050-50.webp")]
    [InlineData("640x320-cover-50.webp")]
    [InlineData("640x320x10-contain.webp")]
    [InlineData("640-contain.webp.jpg")]
    [InlineData("640-contain")]
    [InlineData("999999-contain.webp")]
    [InlineData("../640-contain.webp")]
    public void TryParse_refuses_anything_that_is_not_a_canonical_name(string name) =>
        Assert.False(Rendition.TryParse(name, out _));
}
