namespace NewsCms.GraphQL.Http;

/// <summary>
/// A file of a multipart GraphQL request, as a resolver receives it for an <c>Upload</c> argument. The bytes wait in
/// a temporary file (never in memory) that is deleted when the request ends; the name and type are the client's
/// claims, nothing more.
/// </summary>
public sealed class Upload
{
    private readonly string path;

    internal Upload(string path, string? fileName, string? contentType, long length)
    {
        this.path = path;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
    }

    public string? FileName { get; }

    public string? ContentType { get; }

    public long Length { get; }

    /// <summary>A new stream over the bytes each time; the caller disposes it.</summary>
    public Stream OpenReadStream() =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
}

/// <summary>
/// The temporary files of one request. Registered for disposal with the response before the first byte is spooled,
/// so they are deleted when the request ends however it ends: answered, failed or abandoned by the client.
/// </summary>
internal sealed class UploadedFiles : IAsyncDisposable
{
    private readonly List<string> paths = [];

    public string NewPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newscms-upload-{Guid.NewGuid():N}.tmp");
        paths.Add(path);
        return path;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Still open somewhere: the OS temp cleaner takes it later; failing the response for it helps nobody.
            }
        }

        paths.Clear();
        return ValueTask.CompletedTask;
    }
}
