using NewsCms.Core.Media;
using NewsCms.Testing;
using Xunit;

namespace NewsCms.Core.Tests.Media;

public sealed class MediaFormatTests
{
    public static TheoryData<string, byte[]> AcceptedFiles => new()
    {
        { "image/jpeg", TestMediaFiles.Jpeg(4, 3) },
        { "image/png", TestMediaFiles.Png(4, 3) },
        { "image/gif", TestMediaFiles.Gif(4, 3) },
        { "image/gif", [.. "GIF87a"u8, 4, 0, 3, 0, 0, 0, 0, 0x3B] },
        { "image/webp", TestMediaFiles.WebP(4, 3) },
        { "application/pdf", TestMediaFiles.Pdf() },
        { "video/mp4", TestMediaFiles.Mp4Bytes(64) },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Each_accepted_format_is_recognised_from_its_first_bytes(string contentType, byte[] file) =>
        Assert.Equal(contentType, MediaFormat.Sniff(file.AsSpan(0, Math.Min(file.Length, MediaFormat.HeadLength)))?.ContentType);

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("\uFEFF  <?xml version=\"1.0\"?><svg/>")]
    [InlineData("<!DOCTYPE html><html><body>hi</body></html>")]
    [InlineData("\r\n<html><script>alert(1)</script>")]
    public void Svg_and_html_are_refused_with_a_message_about_scripts(string markup)
    {
        var head = System.Text.Encoding.UTF8.GetBytes(markup).AsSpan(0, MediaFormat.HeadLength);

        Assert.Null(MediaFormat.Sniff(head));
        Assert.Contains("can carry scripts", MediaFormat.RefusalOf(head), StringComparison.Ordinal);
    }

    [Fact]
    public void Executables_quicktime_and_renamed_text_are_refused()
    {
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];
        byte[] quickTime = [0, 0, 0, 0x14, .. "ftypqt  "u8, 0, 0, 2, 0];

        Assert.Null(MediaFormat.Sniff(exe));
        Assert.Null(MediaFormat.Sniff(quickTime));
        Assert.Null(MediaFormat.Sniff("just some text, named .jpg"u8));
        Assert.Contains("Only MP4", MediaFormat.RefusalOf(quickTime), StringComparison.Ordinal);
        Assert.Contains("not a JPEG", MediaFormat.RefusalOf(exe), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A })]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8' })]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E' })]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F' })]
    [InlineData(new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s' })]
    public void Files_cut_short_of_their_signature_are_refused(byte[] head) => Assert.Null(MediaFormat.Sniff(head));

    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("C:\\Users\\Jane\\Pictures\\Board meeting.JPEG", "Board meeting.jpeg")]
    [InlineData("  ", "upload.jpg")]
    [InlineData("report.2025", "report.2025.jpg")]
    [InlineData("<script>x</script>.jpg", "script.jpg")]
    [InlineData("a\u0000b\u202Ec.jpg", "a-b-c.jpg")]
    public void File_names_keep_a_safe_base_name_and_the_extension(string uploaded, string expected) =>
        Assert.Equal(expected, MediaFileNames.Clean(uploaded, MediaFormat.Jpeg));

    [Fact]
    public void Long_file_names_are_cut_and_keep_their_extension()
    {
        var cleaned = MediaFileNames.Clean(new string('a', 400) + ".png", MediaFormat.Png);

        Assert.Equal(MediaFileNames.MaxBaseNameLength + 4, cleaned.Length);
        Assert.EndsWith(".png", cleaned, StringComparison.Ordinal);
    }
}
