using System.Runtime.CompilerServices;

namespace NewsCms.Core.Media;

/// <summary>
/// The media store of the embedded default: a folder, one file per key. Writes go to a temporary file beside the
/// target and are moved into place when complete, so a reader never sees half a file and a failed write leaves nothing.
/// </summary>
public sealed class FileSystemMediaStore : IMediaStore
{
    private const string PartialSuffix = ".partial";
    private static readonly byte[] ProbeByte = [0x2A];
    private readonly string root;

    public FileSystemMediaStore(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        root = Path.GetFullPath(rootPath);
        Directory.CreateDirectory(root);
    }

    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = $"{path}.{Guid.NewGuid():N}{PartialSuffix}";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            RemoveEmptyFolders(Path.GetDirectoryName(path)!);
            throw;
        }
    }

    public Task<StoredMedia?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
            return Task.FromResult<StoredMedia?>(new StoredMedia(file, file.Length, File.GetLastWriteTimeUtc(path)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredMedia?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // File.Delete forgives a missing file but not a missing folder: an asset never stored has neither.
            return Task.CompletedTask;
        }

        RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredMediaInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await Task.Yield();
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                // A partial file is a write in progress, or the remains of a crash: report it, marked as such, so the
                // sweep removes it once it is old whoever owns the asset, and under its own name so nothing mistakes
                // it for the finished blob.
                var info = new FileInfo(path);
                yield return new StoredMediaInfo(key, info.Length, info.LastWriteTimeUtc, key.EndsWith(PartialSuffix, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>
    /// Writes a byte to a file beside the keys (outside <see cref="MediaKeys.Root"/>, where the sweep never looks) that the
    /// system deletes on close: a folder that is gone, read-only or full fails here, as the next upload would.
    /// </summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        var probe = Path.Combine(root, $".probe-{Guid.NewGuid():N}");
        await using var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await file.WriteAsync(ProbeByte, cancellationToken);
        await file.FlushAsync(cancellationToken);
    }

    /// <summary>Keys come from <see cref="MediaKeys"/>; anything that could climb out of the root is a bug, so it throws.</summary>
    private string PathOf(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var segments = key.Split('/');
        if (!MediaKeys.IsWellFormed(key) || segments.Any(s => s.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
        {
            throw new ArgumentException($"Not a media key: '{key}'.", nameof(key));
        }

        var path = Path.GetFullPath(Path.Combine([root, .. segments]));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Not a media key: '{key}'.", nameof(key));
        }

        return path;
    }

    /// <summary>Deleting an asset's last blob should not leave its folder behind for every asset ever deleted.</summary>
    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > root.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                return; // a concurrent write just created something in it
            }

            folder = Path.GetDirectoryName(folder)!;
        }
    }
}
