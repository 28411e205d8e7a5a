using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Repro.Build.IO;

namespace Repro.Build.Store;

/// <summary>
/// The local content-addressed cache, DVC 3's layout: every object once, named by the SHA-256 of its content, at
/// <c>&lt;cache&gt;/files/sha256/ab/cdef…</c>, read-only. An object is written to a temporary file inside the cache,
/// hashed as it is written, and renamed into place only when its hash is the one expected: no reader ever sees a part
/// of an object, and no object holds other bytes than its name says. Thread-safe: two writers of one object both
/// succeed and leave one copy.
/// </summary>
public sealed class LocalCache
{
    /// <summary>The environment variable that moves the cache (before <c>cache.dir</c> of the configuration).</summary>
    public const string EnvironmentVariable = "REPRO_CACHE_DIR";

    private const int BufferSize = 1 << 20;

    private bool _reflinkRefused;

    private static readonly bool IsWindows = System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows);

    public LocalCache(string directory, IReadOnlyList<CacheLinkType>? linkTypes = null)
    {
        Directory = Path.GetFullPath(directory);
        LinkTypes = linkTypes is { Count: > 0 } ? linkTypes : DefaultLinkTypes;
    }

    /// <summary>DVC's default, <c>reflink,copy</c>: a clone where the file system can, a copy elsewhere.</summary>
    public static IReadOnlyList<CacheLinkType> DefaultLinkTypes { get; } = new[] { CacheLinkType.Reflink, CacheLinkType.Copy };

    /// <summary>The cache folder (full path).</summary>
    public string Directory { get; }

    /// <summary>How objects are placed into the work tree, in order of preference.</summary>
    public IReadOnlyList<CacheLinkType> LinkTypes { get; }

    /// <summary>Where the object of <paramref name="sha256"/> is (or would be).</summary>
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not 64 lower-case hex digits.</exception>
    public string ObjectPath(string sha256) => Path.Combine(Directory, ContentHash.Key(sha256).Replace('/', Path.DirectorySeparatorChar));

    public bool Contains(string sha256) => File.Exists(ObjectPath(sha256));

    /// <summary>
    /// Adds a work-tree file whose hash the caller already knows (from the manifest or the stat cache): it is copied into
    /// the cache and hashed in the same read. When the bytes read do not have that hash, the file changed since it was
    /// hashed: <see cref="CacheOutcome.HashMismatch"/>, and nothing is added. A file the cache already holds is not read.
    /// </summary>
    public CacheResult AddFile(string path, string sha256)
    {
        ContentHash.Require(sha256);
        if (Contains(sha256))
        {
            return new CacheResult(CacheOutcome.AlreadyPresent, sha256);
        }

        FileStream source;
        try
        {
            source = FileProbe.OpenRegular(path, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new CacheResult(CacheOutcome.Missing, sha256);
        }

        using (source)
        {
            return Add(source, sha256);
        }
    }

    /// <summary>
    /// Adds a file whose hash is not known yet (an output a run logs): it is copied into the cache and hashed in the same
    /// read, and kept under the hash of what was read (<see cref="CacheResult.Sha256"/>). One read, whatever the outcome.
    /// </summary>
    public CacheResult AddFileHashing(string path)
    {
        FileStream source;
        try
        {
            source = FileProbe.OpenRegular(path, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new CacheResult(CacheOutcome.Missing, "");
        }

        using (source)
        {
            return Write(null, long.MaxValue, stream =>
            {
                CopyAll(source, stream);
                return Task.CompletedTask;
            }).GetAwaiter().GetResult();
        }
    }

    /// <summary>Adds the content of <paramref name="source"/> (read to its end) under <paramref name="sha256"/>, verified.</summary>
    public CacheResult Add(Stream source, string sha256, long maxBytes = long.MaxValue) =>
        Write(sha256, maxBytes, stream =>
        {
            CopyAll(source, stream);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>
    /// Adds an object that <paramref name="write"/> writes (a download): written to a temporary file in the cache and hashed
    /// as it arrives, renamed into place only when its hash is <paramref name="sha256"/>. More than
    /// <paramref name="maxBytes"/> is <see cref="CacheOutcome.TooLarge"/>. An exception of <paramref name="write"/> leaves
    /// nothing behind and is thrown on (the caller may retry).
    /// </summary>
    public Task<CacheResult> AddAsync(
        string sha256, Func<Stream, CancellationToken, Task> write, long maxBytes = long.MaxValue, CancellationToken cancellation = default) =>
        Write(sha256, maxBytes, stream => write(stream, cancellation));

    /// <summary>Opens an object for reading (an upload); the caller owns the stream.</summary>
    /// <exception cref="FileNotFoundException">The cache does not hold the object.</exception>
    public FileStream OpenRead(string sha256) =>
        new(ObjectPath(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);

    /// <summary>Re-hashes an object: <see cref="CacheOutcome.AlreadyPresent"/> when it is intact, else missing or a mismatch.</summary>
    public CacheResult Verify(string sha256)
    {
        var path = ObjectPath(sha256);
        if (!File.Exists(path))
        {
            return new CacheResult(CacheOutcome.Missing, sha256);
        }

        var actual = Data.StreamHasher.Sha256File(path);
        return actual == sha256
            ? new CacheResult(CacheOutcome.AlreadyPresent, sha256, new FileInfo(path).Length)
            : new CacheResult(CacheOutcome.HashMismatch, sha256, actualSha256: actual);
    }

    /// <summary>
    /// Puts the object at <paramref name="destination"/> (replacing what is there) by the first of <see cref="LinkTypes"/>
    /// that works. The object is re-hashed first (a copy is hashed as it is written): a damaged object is
    /// <see cref="CacheOutcome.HashMismatch"/> and the destination is left as it was. The destination appears whole or
    /// not at all (written beside it under a temporary name, then renamed).
    /// </summary>
    public CacheResult Place(string sha256, string destination)
    {
        var source = ObjectPath(sha256);
        if (!File.Exists(source))
        {
            return new CacheResult(CacheOutcome.Missing, sha256);
        }

        destination = Path.GetFullPath(destination);
        var folder = Path.GetDirectoryName(destination)!;
        System.IO.Directory.CreateDirectory(folder);
        CacheResult? verified = null;
        foreach (var type in LinkTypes)
        {
            var temporary = Path.Combine(folder, "." + Path.GetFileName(destination) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                if (type == CacheLinkType.Copy)
                {
                    var copied = CopyVerified(source, temporary, sha256);
                    if (copied.Outcome != CacheOutcome.Placed)
                    {
                        return copied;
                    }

                    MoveOver(temporary, destination);
                    return copied;
                }

                // A file system that cannot clone says so for every file: after the first refusal, clones are not tried (nor the
                // object re-hashed for them) again by this cache.
                if (type == CacheLinkType.Reflink && Volatile.Read(ref _reflinkRefused))
                {
                    continue;
                }

                verified ??= Verify(sha256);
                if (verified.Outcome != CacheOutcome.AlreadyPresent)
                {
                    return verified;
                }

                var linked = type == CacheLinkType.Reflink ? FileLinks.TryReflink(source, temporary) : FileLinks.TryHardLink(source, temporary);
                if (!linked && type == CacheLinkType.Reflink)
                {
                    Volatile.Write(ref _reflinkRefused, true);
                }

                if (linked)
                {
                    if (type == CacheLinkType.Reflink)
                    {
                        // A clone may carry the object's read-only mode (clonefile does): the work-tree file is the user's to edit.
                        File.SetAttributes(temporary, File.GetAttributes(temporary) & ~FileAttributes.ReadOnly);
                    }

                    MoveOver(temporary, destination);
                    return new CacheResult(CacheOutcome.Placed, sha256, verified.Length, linkType: type);
                }
            }
            finally
            {
                DeleteQuietly(temporary);
            }
        }

        throw new IOException($"None of the cache types {string.Join(",", LinkTypes).ToLowerInvariant()} could place {destination}: add copy to cache.type.");
    }

    // With no expected hash (null), the object is kept under the hash of what was written.
    private async Task<CacheResult> Write(string? expected, long maxBytes, Func<Stream, Task> write)
    {
        if (expected is not null)
        {
            ContentHash.Require(expected);
        }

        var temporary = NewTemporaryPath();
        try
        {
            string actual;
            long length;
            bool exceeded;
            // Unbuffered (bufferSize 1): writers write large blocks, and a buffer of its own per object cost ten thousand small files
            // a megabyte each.
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            using (var hashing = new HashingWriteStream(file, maxBytes))
            {
                try
                {
                    await write(hashing).ConfigureAwait(false);
                }
                catch (InvalidDataException) when (hashing.Exceeded)
                {
                }

                exceeded = hashing.Exceeded;
                length = hashing.Written;
                actual = hashing.Sha256();
            }

            var sha256 = expected ?? actual;
            if (exceeded)
            {
                return new CacheResult(CacheOutcome.TooLarge, sha256, length);
            }

            if (actual != sha256)
            {
                return new CacheResult(CacheOutcome.HashMismatch, sha256, length, actual);
            }

            var target = ObjectPath(sha256);
            File.SetAttributes(temporary, FileAttributes.ReadOnly);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                return new CacheResult(CacheOutcome.AlreadyPresent, sha256, length);
            }

            try
            {
                File.Move(temporary, target);
            }
            catch (IOException) when (File.Exists(target))
            {
                return new CacheResult(CacheOutcome.AlreadyPresent, sha256, length); // another writer was first: same bytes
            }

            return new CacheResult(CacheOutcome.Added, sha256, length);
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    // Temporary files live in the cache itself, so that the rename into place never crosses file systems.
    private string NewTemporaryPath()
    {
        var folder = Path.Combine(Directory, "tmp");
        System.IO.Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N") + ".tmp");
    }

    private static CacheResult CopyVerified(string source, string temporary, string sha256)
    {
        using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        using (var to = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
        using (var hashing = new HashingWriteStream(to, long.MaxValue))
        {
            CopyAll(from, hashing);
            var actual = hashing.Sha256();
            if (actual != sha256)
            {
                return new CacheResult(CacheOutcome.HashMismatch, sha256, hashing.Written, actual);
            }

            return new CacheResult(CacheOutcome.Placed, sha256, hashing.Written, linkType: CacheLinkType.Copy);
        }
    }

    // Fixed blocks from a pool: memory does not grow with the file.
    private static void CopyAll(Stream from, Stream to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = from.Read(buffer, 0, BufferSize)) > 0)
            {
                to.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void MoveOver(string source, string destination)
    {
        // On Unix the rename replaces a read-only destination (a hard link placed before) without touching its mode, which
        // is the cached object's own; Windows refuses to replace a read-only file.
        if (IsWindows && File.Exists(destination))
        {
            File.SetAttributes(destination, FileAttributes.Normal);
        }

#if NETSTANDARD2_0
        if (File.Exists(destination))
        {
            File.Delete(destination);
        }
#endif

#if NETSTANDARD2_0
        File.Move(source, destination);
#else
        File.Move(source, destination, overwrite: true);
#endif
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.SetAttributes(path, FileAttributes.Normal);
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            // A leftover temporary file is harmless: its name is never an object's.
        }
    }
}
