using System;
using System.IO;

namespace Repro.Build.IO;

/// <summary>Writes files so that a reader never sees a half-written one and unchanged content keeps its timestamp.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> unless the file already holds exactly these bytes.
    /// The bytes go to a temporary file in the same folder first, which is then renamed over the target.
    /// </summary>
    /// <returns>True when the file was written; false when it was already up to date.</returns>
    public static bool WriteIfChanged(string path, byte[] content)
    {
        if (File.Exists(path) && ContentEquals(path, content))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            Replace(temporary, path);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return true;
    }

    /// <summary>
    /// Writes a file from a stream through a temporary file in the same folder, renamed over the target once
    /// <paramref name="write"/> has returned (a reader never sees a part of it; an exception leaves the target as it was).
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536))
            {
                write(stream);
            }

            Replace(temporary, path);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool ContentEquals(string path, byte[] content)
    {
        var info = new FileInfo(path);
        if (info.Length != content.Length)
        {
            return false;
        }

        var existing = File.ReadAllBytes(path);
        return existing.AsSpan().SequenceEqual(content);
    }

    private static void Replace(string source, string destination)
    {
#if NETSTANDARD2_0
        if (File.Exists(destination))
        {
            File.Replace(source, destination, destinationBackupFileName: null);
        }
        else
        {
            File.Move(source, destination);
        }
#else
        File.Move(source, destination, overwrite: true);
#endif
    }
}
