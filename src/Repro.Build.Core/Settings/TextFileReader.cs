using System;
using System.IO;
using System.Text;
using Repro.Build.Data;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Build.Security;

namespace Repro.Build.Settings;

/// <summary>
/// Reads configuration and assumptions files for the manifest: the hash always (large files through the stat-keyed
/// hash cache, so an unchanged 50 MB file is not read again), the text inline when small, with secrets redacted by
/// <see cref="SecretDetector"/>. Only regular files are read.
/// </summary>
public static class TextFileReader
{
    public const int MaxInlineBytes = 64 * 1024;

    /// <returns>The entry; null in <see cref="TextFileEntry.Sha256"/> when the file does not exist.</returns>
    /// <exception cref="IOException">The file is not a regular file, or could not be read.</exception>
    public static TextFileEntry Read(string projectDirectory, string declaredPath, string fullPath, FileHashCache? cache = null, string? repositoryRoot = null)
    {
        var entry = new TextFileEntry { Path = PathText.ForManifest(projectDirectory, declaredPath, fullPath, repositoryRoot) };
        var kind = FileProbe.Inspect(fullPath);
        if (kind == FileKind.Missing)
        {
            return entry;
        }

        if (kind != FileKind.Regular)
        {
            throw new SpecialFileException(declaredPath, kind);
        }

        var (size, ticks) = FileProbe.Stat(fullPath);
        if (size > MaxInlineBytes)
        {
            var full = Path.GetFullPath(fullPath);
            if (cache is null || !cache.TryGet(full, size, ticks, out var known))
            {
                known = StreamHasher.Sha256File(fullPath);
                cache?.Set(full, size, ticks, known);
            }

            entry.Sha256 = known;
            return entry;
        }

        // Small enough to inline: read once, hash those bytes.
        var bytes = FileProbe.ReadAllBytes(fullPath, MaxInlineBytes);
        entry.Sha256 = Hashing.Sha256Hex(bytes);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return entry;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return entry;
        }

        entry.Content = SecretDetector.Redact(text, fullPath);
        return entry;
    }
}
