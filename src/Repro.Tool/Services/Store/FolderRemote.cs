using System.Runtime.CompilerServices;
using Repro.Build.Store;

namespace Repro.Tool.Services;

/// <summary>
/// A folder as a remote (a mounted network share, as DVC's local remote): objects at <c>&lt;folder&gt;/files/sha256/ab/cdef…</c>,
/// written under a temporary name beside their place and renamed, so a reader never sees a partial object.
/// </summary>
internal sealed class FolderRemote : IObjectRemote
{
    private const int BufferSize = 1 << 20;
    private readonly string _folder;

    public FolderRemote(string name, string folder)
    {
        _folder = folder;
        Description = $"remote '{name}' ({folder})";
    }

    public string Description { get; }

    public Task<ISet<string>> ExistingAsync(IReadOnlyDictionary<string, long> expected, CancellationToken cancellation)
    {
        RequireFolder();
        ISet<string> found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in expected)
        {
            cancellation.ThrowIfCancellationRequested();
            var file = new FileInfo(PathOf(pair.Key));
            if (file.Exists && (pair.Value < 0 || file.Length == pair.Value))
            {
                found.Add(pair.Key);
            }
        }

        return Task.FromResult(found);
    }

    public async Task UploadAsync(string sha256, string file, CancellationToken cancellation)
    {
        RequireFolder();
        var target = PathOf(sha256);
        var folder = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var from = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous))
            using (var to = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                await from.CopyToAsync(to, BufferSize, cancellation).ConfigureAwait(false);
            }

            // The rename replaces what is there: the same bytes (another writer was first), or what a copy by other means left
            // short, which the existence check saw by its size.
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Translate(ex);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    public async Task DownloadAsync(string sha256, Stream destination, long maxBytes, CancellationToken cancellation)
    {
        RequireFolder();
        FileStream from;
        try
        {
            from = new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RemoteException(RemoteFailure.ObjectMissing, $"{Description} has no object {sha256}.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Translate(ex);
        }

        using (from)
        {
            await BoundedCopy.CopyAsync(from, destination, maxBytes, cancellation).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<RemoteObject> ListAsync([EnumeratorCancellation] CancellationToken cancellation)
    {
        RequireFolder();
        var root = Path.Combine(_folder, "files", "sha256");
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var fanOut in Directory.EnumerateDirectories(root))
        {
            var head = Path.GetFileName(fanOut);
            foreach (var file in new DirectoryInfo(fanOut).EnumerateFiles())
            {
                cancellation.ThrowIfCancellationRequested();
                var hash = head + file.Name;
                if (ContentHash.IsSha256(hash))
                {
                    yield return new RemoteObject(hash, file.Length);
                }
            }

            await Task.Yield();
        }
    }

    public Task DeleteAsync(string sha256, CancellationToken cancellation)
    {
        RequireFolder();
        try
        {
            File.Delete(PathOf(sha256));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Translate(ex);
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }

    private string PathOf(string sha256) => Path.Combine(_folder, ContentHash.Key(sha256).Replace('/', Path.DirectorySeparatorChar));

    // The folder itself is never created: a share that is not mounted must not become an empty folder on the local disk.
    private void RequireFolder()
    {
        if (!Directory.Exists(_folder))
        {
            throw new RemoteException(RemoteFailure.ContainerMissing,
                $"{Description}: the folder does not exist: mount the share or create the folder, or change the remote's URL (dotnet repro remote modify).");
        }
    }

    private RemoteException Translate(Exception ex) => ex is UnauthorizedAccessException
        ? new RemoteException(RemoteFailure.Authentication, $"{Description}: access denied ({ex.Message}): check the folder's permissions.", ex)
        : new RemoteException(RemoteFailure.Unreachable, $"{Description}: {ex.Message}", ex);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary name is never an object's.
        }
    }
}
