using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Repro.Build.IO;

/// <summary>
/// A hash of what a file holds rather than of its bytes, so that two trainings that made the same model compare equal
/// although their containers differ: for a zip-based file (ML.NET's <c>.zip</c> models, PyTorch's <c>.pt</c>/<c>.pth</c>
/// archives, <c>.keras</c>, <c>.nupkg</c>-like packages: anything that starts as a zip does) the SHA-256 over the sorted
/// lines <c>entry name NUL sha256 LF</c> of its entries (the shape of a data folder's hash), which leaves out the entry
/// times, compression levels, order and comments that differ between two saves of the same model; for any other file
/// its SHA-256.
/// </summary>
/// <remarks>
/// An archive is read within bounds (<see cref="MaxEntries"/>, and bytes decompressed counted as they come, not as the
/// headers claim) so that a hostile zip can neither hang the reader nor exhaust memory: past a bound, or when the
/// archive cannot be read, the file's own SHA-256 is the content hash, and <see cref="FileContentHashResult.Note"/> says why.
/// </remarks>
public static class FileContentHash
{
    /// <summary>More entries than this and the archive is hashed as a file.</summary>
    public const int MaxEntries = 65_536;

    /// <summary>The decompressed bytes read from one archive at most: 16 GiB, and at most 1,000 times the file's size.</summary>
    public const long MaxDecompressedBytes = 16L * 1024 * 1024 * 1024;

    private const int MaxExpansion = 1000;

    /// <summary>The content hash of a regular file. Throws as opening the file would (missing, special file, unreadable).</summary>
    public static FileContentHashResult Compute(string path)
    {
        var fileSha256 = Hashing.Sha256File(path);
        using var stream = FileProbe.OpenRegular(path, bufferSize: 1 << 16);
        if (!LooksLikeZip(stream))
        {
            return new FileContentHashResult(fileSha256, fileSha256, false, null);
        }

        try
        {
            var budget = Math.Min(MaxDecompressedBytes, Math.Max(64L * 1024 * 1024, stream.Length * MaxExpansion));
            var archiveHash = HashArchive(stream, budget, out var note);
            return archiveHash is null
                ? new FileContentHashResult(fileSha256, fileSha256, false, note)
                : new FileContentHashResult(archiveHash, fileSha256, true, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            return new FileContentHashResult(fileSha256, fileSha256, false, "not a readable zip archive (" + ex.Message + "): hashed as a file");
        }
    }

    private static bool LooksLikeZip(Stream stream)
    {
        var head = new byte[4];
        var read = 0;
        while (read < head.Length)
        {
            var n = stream.Read(head, read, head.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        stream.Position = 0;
        // A local file header (PK\3\4) or the end record of an empty archive (PK\5\6).
        return read == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    }

    private static string? HashArchive(Stream stream, long budget, out string? note)
    {
        note = null;
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var entries = archive.Entries;
        if (entries.Count > MaxEntries)
        {
            note = $"the archive has {entries.Count} entries, more than {MaxEntries}: hashed as a file";
            return null;
        }

        var lines = new List<(string Name, string Sha256)>(entries.Count);
        var buffer = new byte[1 << 16];
        long total = 0;
        foreach (var entry in entries)
        {
            // Folder entries carry no content: whether a tool writes them is the container's business.
            if (entry.FullName.EndsWith("/", StringComparison.Ordinal) && entry.Length == 0)
            {
                continue;
            }

            using var sha = SHA256.Create();
            using (var content = entry.Open())
            {
                int n;
                while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += n;
                    if (total > budget)
                    {
                        note = $"the archive decompresses to more than {budget / (1024 * 1024)} MiB: hashed as a file";
                        return null;
                    }

                    sha.TransformBlock(buffer, 0, n, null, 0);
                }
            }

            sha.TransformFinalBlock(buffer, 0, 0);
            lines.Add((entry.FullName, Hashing.ToHex(sha.Hash!)));
        }

        lines.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Sha256, b.Sha256);
        });
        var text = new StringBuilder();
        foreach (var (name, sha256) in lines)
        {
            text.Append(name).Append('\0').Append(sha256).Append('\n');
        }

        return Hashing.Sha256Hex(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
