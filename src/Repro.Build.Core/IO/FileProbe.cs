using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Repro.Build.IO;

/// <summary>
/// Tells regular files from FIFOs, devices and sockets before anything opens them: opening a FIFO for reading blocks
/// until a writer comes, and a device such as <c>/dev/zero</c> never ends. .NET has no public API for the file type
/// (<see cref="FileAttributes"/> says "Normal" for a FIFO), so on Unix this asks the runtime's own native shim
/// (System.Native, which ships with every .NET runtime and backs <see cref="FileInfo"/>) for <c>stat</c>'s mode bits.
/// </summary>
public static class FileProbe
{
    // FileStatus in dotnet/runtime's pal_io.h starts { int32 Flags; int32 Mode; ... }: Mode is at offset 4 in every
    // version. The buffer is far larger than the struct, which has only ever grown at its end.
    private const int ModeOffset = 4;
    private const int StatusBufferSize = 512;
    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeCharacterDevice = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlockDevice = 0x6000;
    private const int TypeRegular = 0x8000;
    private const int TypeSymbolicLink = 0xA000;
    private const int TypeSocket = 0xC000;

    private const int SizeOffset = 16;
    private const int MTimeOffset = 40;
    private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static bool? _statusLayoutChecked;
    private static bool? _directoryLayoutChecked;
    private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
    private static bool _nativeUnavailable;

    // One status buffer per thread: folders of many thousand files are walked file by file.
    [ThreadStatic]
    private static byte[]? _status;

    /// <summary>The kind of <paramref name="path"/>; with <paramref name="followLinks"/> false a link is reported as one.</summary>
    public static FileKind Inspect(string path, bool followLinks = true)
    {
        if (!IsWindows && !_nativeUnavailable)
        {
            try
            {
                var status = _status ??= new byte[StatusBufferSize];
                var result = followLinks ? NativeMethods.Stat(path, status) : NativeMethods.LStat(path, status);
                if (result != 0)
                {
                    return FileKind.Missing; // ENOENT, a dangling link, EACCES on a parent: nothing readable there
                }

                return (BitConverter.ToInt32(status, ModeOffset) & TypeMask) switch
                {
                    TypeRegular => FileKind.Regular,
                    TypeDirectory => FileKind.Directory,
                    TypeSymbolicLink => FileKind.SymbolicLink,
                    TypeFifo or TypeCharacterDevice or TypeBlockDevice or TypeSocket => FileKind.Special,
                    _ => FileKind.Special,
                };
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                // Mono or another runtime without the shim: fall back to what FileInfo can tell.
                _nativeUnavailable = true;
            }
        }

        return InspectManaged(path, followLinks);
    }

    /// <summary>Describes a kind for messages: "a FIFO, device or socket", "a folder", ….</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Special => "not a regular file (a FIFO, device or socket)",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };

    /// <summary>
    /// Size and last write time of what <paramref name="path"/> names, following symbolic links to their final target
    /// (<see cref="FileInfo"/> on a link describes the link itself on Unix).
    /// </summary>
    public static (long Size, long LastWriteTicks) Stat(string path) => StatOf(ResolveFinalTarget(path));

    /// <summary>
    /// Size and last write time of a path already known not to be a symbolic link (a folder walk saw its type): one
    /// system call fewer per file than <see cref="Stat"/>, the same values.
    /// </summary>
    public static (long Size, long LastWriteTicks) StatNotLink(string path) => StatOf(path);

    /// <summary>
    /// Size and last write time of a regular file that is not a link, from one <c>lstat</c> (a walk of 100,000 run
    /// folders makes 300,000 of these); false for anything else, missing included. The times are those
    /// <see cref="StatNotLink"/> gives.
    /// </summary>
    public static bool TryStatRegular(string path, out long size, out long lastWriteTicks)
    {
        size = 0;
        lastWriteTicks = 0;
        if (!IsWindows && !_nativeUnavailable && _statusLayoutChecked != false)
        {
            try
            {
                var status = _status ??= new byte[StatusBufferSize];
                if (NativeMethods.LStat(path, status) != 0 || (BitConverter.ToInt32(status, ModeOffset) & TypeMask) != TypeRegular)
                {
                    return false;
                }

                size = BitConverter.ToInt64(status, SizeOffset);
                lastWriteTicks = LastWriteTicksOf(status);
                if (_statusLayoutChecked is null)
                {
                    // Once per process, the layout is checked against FileInfo; a runtime whose struct differs uses FileInfo.
                    var (checkSize, checkTicks) = StatOf(path);
                    _statusLayoutChecked = checkSize == size && checkTicks == lastWriteTicks;
                    if (_statusLayoutChecked == false)
                    {
                        (size, lastWriteTicks) = (checkSize, checkTicks);
                    }
                }

                return true;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                _nativeUnavailable = true;
            }
        }

        if (Inspect(path, followLinks: false) != FileKind.Regular)
        {
            return false;
        }

        try
        {
            (size, lastWriteTicks) = StatOf(path);
            return true;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return false;
        }
    }

    /// <summary>
    /// The last write time of a folder that is not a link (it moves when an entry is added, removed or renamed in it, not
    /// when a file in it is appended to); false for anything else.
    /// </summary>
    public static bool TryStatDirectory(string path, out long lastWriteTicks)
    {
        lastWriteTicks = 0;
        if (!IsWindows && !_nativeUnavailable && _directoryLayoutChecked != false)
        {
            try
            {
                var status = _status ??= new byte[StatusBufferSize];
                if (NativeMethods.LStat(path, status) != 0 || (BitConverter.ToInt32(status, ModeOffset) & TypeMask) != TypeDirectory)
                {
                    return false;
                }

                lastWriteTicks = LastWriteTicksOf(status);
                if (_directoryLayoutChecked is null)
                {
                    // Once per process, as for files: the time read here must be the one Directory gives.
                    var check = Directory.GetLastWriteTimeUtc(path).Ticks;
                    _directoryLayoutChecked = check == lastWriteTicks;
                    lastWriteTicks = check;
                }

                return true;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                _nativeUnavailable = true;
            }
        }

        if (Inspect(path, followLinks: false) != FileKind.Directory)
        {
            return false;
        }

        try
        {
            lastWriteTicks = Directory.GetLastWriteTimeUtc(path).Ticks;
            return true;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return false;
        }
    }

    // FileStatus continues { uint32 Uid; uint32 Gid; int64 Size; int64 ATime, ATimeNsec, MTime, MTimeNsec; ... }
    private static long LastWriteTicksOf(byte[] status) =>
        UnixEpochTicks + (BitConverter.ToInt64(status, MTimeOffset) * TimeSpan.TicksPerSecond) + (BitConverter.ToInt64(status, MTimeOffset + 8) / 100);

    private static (long Size, long LastWriteTicks) StatOf(string path)
    {
        var info = new FileInfo(path);
        return (info.Length, info.LastWriteTimeUtc.Ticks);
    }

    /// <summary>The path a chain of symbolic links ends at, or <paramref name="path"/> itself when it is not a link.</summary>
    public static string ResolveFinalTarget(string path)
    {
#if NET
        if (Inspect(path, followLinks: false) == FileKind.SymbolicLink
            && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            return Path.GetFullPath(target.FullName);
        }
#endif
        return Path.GetFullPath(path);
    }

    /// <summary>The text of a symbolic link (what it points to, as written), or null when <paramref name="path"/> is not a link.</summary>
    public static string? ReadLinkText(string path)
    {
#if NET
        return new FileInfo(path).LinkTarget;
#else
        return null;
#endif
    }

    /// <summary>Opens a regular file for reading; anything else throws <see cref="SpecialFileException"/> without being opened.</summary>
    public static FileStream OpenRegular(string path, FileOptions options = FileOptions.None, int bufferSize = 1)
    {
        var kind = Inspect(path);
        if (kind == FileKind.Missing)
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        if (kind != FileKind.Regular)
        {
            throw new SpecialFileException(path, kind);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize, options);
    }

    /// <summary>
    /// Reads a regular file whole, refusing files over <paramref name="maxBytes"/> (checked on the open handle, and
    /// again while reading, so that a file that grows cannot make this allocate without bound).
    /// </summary>
    /// <summary>A regular file's text, decoded as <see cref="File.ReadAllText(string)"/> does (UTF-8 unless a byte order mark says otherwise).</summary>
    public static string ReadAllText(string path, long maxBytes)
    {
        using var reader = new StreamReader(new MemoryStream(ReadAllBytes(path, maxBytes)), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public static byte[] ReadAllBytes(string path, long maxBytes) => ReadAllBytesUnless(path, maxBytes, 0, (_, _) => false)!;

    /// <summary>
    /// As <see cref="ReadAllBytes"/>, through one open handle, but stops after the first <paramref name="headLength"/>
    /// bytes and returns null when <paramref name="stopAfterHead"/> says so (a binary file is never read in full).
    /// </summary>
    public static byte[]? ReadAllBytesUnless(string path, long maxBytes, int headLength, Func<byte[], int, bool> stopAfterHead)
    {
        using var stream = OpenRegular(path);
        var length = stream.Length;
        if (length > maxBytes)
        {
            throw new FileTooLargeException(path, length, maxBytes);
        }

        var buffer = new byte[length];
        var total = ReadInto(stream, buffer, 0, (int)Math.Min(headLength, length));
        if (headLength > 0 && stopAfterHead(buffer, total))
        {
            return null;
        }

        total = ReadInto(stream, buffer, total, buffer.Length);
        if (total < buffer.Length)
        {
            Array.Resize(ref buffer, total); // shrank while being read
        }
        else if (stream.ReadByte() >= 0)
        {
            throw new IOException($"'{path}' changed while it was being read.");
        }

        return buffer;
    }

    // Reads into buffer[offset..end) until it is full or the file ends; returns the new offset.
    private static int ReadInto(Stream stream, byte[] buffer, int offset, int end)
    {
        int read;
        while (offset < end && (read = stream.Read(buffer, offset, end - offset)) > 0)
        {
            offset += read;
        }

        return offset;
    }

    private static FileKind InspectManaged(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists)
        {
            info = new DirectoryInfo(path);
            if (!info.Exists)
            {
                return FileKind.Missing;
            }
        }

        if (!followLinks && (info.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            return FileKind.SymbolicLink;
        }

        if ((info.Attributes & FileAttributes.Directory) != 0)
        {
            return FileKind.Directory;
        }

        return (info.Attributes & FileAttributes.Device) != 0 ? FileKind.Special : FileKind.Regular;
    }

    private static class NativeMethods
    {
        // Paths are marshalled as UTF-8 on Unix. The library is resolved from the runtime's own folder.
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        public static extern int Stat(string path, [Out] byte[] status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        public static extern int LStat(string path, [Out] byte[] status);
    }
}
