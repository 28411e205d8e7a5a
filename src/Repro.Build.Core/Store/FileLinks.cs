using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Repro.Build.Store;

/// <summary>
/// Reflinks and hard links, which .NET has no API for: Linux's <c>ioctl(FICLONE)</c>, macOS's <c>clonefile</c>,
/// <c>link</c> on Unix and <c>CreateHardLinkW</c> on Windows. Every failure (a file system without reflinks, two file
/// systems, a C library by another name) returns false, and the caller falls back to a copy.
/// </summary>
internal static class FileLinks
{
    // _IOW(0x94, 9, int) from linux/fs.h.
    private const uint Ficlone = 0x40049409;

    private static readonly bool IsLinux = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
    private static readonly bool IsMacOs = RuntimeInformation.IsOSPlatform(OSPlatform.OSX);
    private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>Makes <paramref name="destination"/> (which must not exist) a copy-on-write clone of <paramref name="source"/>.</summary>
    public static bool TryReflink(string source, string destination)
    {
        try
        {
            if (IsMacOs)
            {
                return MacOs.clonefile(source, destination, 0) == 0;
            }

            if (!IsLinux)
            {
                return false;
            }

            bool cloned;
            using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
            using (var to = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
                cloned = Linux.ioctl(to.SafeFileHandle.DangerousGetHandle().ToInt32(), Ficlone, from.SafeFileHandle.DangerousGetHandle().ToInt32()) == 0;
            }

            if (!cloned)
            {
                File.Delete(destination);
            }

            return cloned;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Makes <paramref name="destination"/> (which must not exist) a hard link to <paramref name="source"/>.</summary>
    public static bool TryHardLink(string source, string destination)
    {
        try
        {
            if (IsWindows)
            {
                return Windows.CreateHardLinkW(destination, source, IntPtr.Zero);
            }

            return IsMacOs ? MacOs.link(source, destination) == 0 : Linux.link(source, destination) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static class Linux
    {
        [DllImport("libc.so.6", SetLastError = true)]
        public static extern int ioctl(int fd, uint request, int sourceFd);

        [DllImport("libc.so.6", SetLastError = true)]
        public static extern int link(string oldPath, string newPath);
    }

    private static class MacOs
    {
        [DllImport("/usr/lib/libSystem.dylib", SetLastError = true)]
        public static extern int clonefile(string source, string destination, uint flags);

        [DllImport("/usr/lib/libSystem.dylib", SetLastError = true)]
        public static extern int link(string oldPath, string newPath);
    }

    private static class Windows
    {
        [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool CreateHardLinkW(string fileName, string existingFileName, IntPtr securityAttributes);
    }
}
