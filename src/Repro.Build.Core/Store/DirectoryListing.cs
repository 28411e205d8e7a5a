using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Store;

/// <summary>
/// A folder (or a group of files) as one object of the store, DVC's <c>.dir</c> object: the UTF-8 lines
/// <c>path NUL sha256 LF</c> sorted by path. Its SHA-256 is the hash the manifest and the run record already give the
/// folder (<see cref="Data.DataHasher"/>), so the listing is found in the store by that hash and proves itself: a
/// listing whose bytes hash to the recorded value lists exactly the files that were hashed.
/// </summary>
public static class DirectoryListing
{
    /// <summary>The largest listing read (about two million files): a listing is read whole, so it is read with a bound.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>The listing's bytes: one line per entry, sorted by path (ordinal).</summary>
    public static byte[] Encode(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(entry.Key).Append('\0').Append(entry.Value).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The listing of a manifest's data item whose hash is a listing's (a folder, or a group of declarations), verified
    /// against the item's hash; null for a single file, or when the item's files do not give its hash.
    /// </summary>
    public static byte[]? ForItem(DataEntry item)
    {
        if (item.Sha256 is null || item.Files.Count == 0 || item.Files.Any(f => string.IsNullOrEmpty(f.Sha256)))
        {
            return null;
        }

        if (item.Files.Count == 1 && string.Equals(item.Files[0].Sha256, item.Sha256, StringComparison.Ordinal)
            && !item.Name.EndsWith("/", StringComparison.Ordinal))
        {
            return null;
        }

        // A declared folder lists paths inside it; a group lists its files as the manifest records them.
        var candidates = new List<IEnumerable<KeyValuePair<string, string>>>();
        if (item.Name.EndsWith("/", StringComparison.Ordinal) && item.Files.All(f => f.Path.StartsWith(item.Name, StringComparison.Ordinal)))
        {
            candidates.Add(item.Files.Select(f => new KeyValuePair<string, string>(f.Path.Substring(item.Name.Length), f.Sha256)));
        }

        candidates.Add(item.Files.Select(f => new KeyValuePair<string, string>(f.Path, f.Sha256)));
        foreach (var candidate in candidates)
        {
            var bytes = Encode(candidate);
            if (string.Equals(Hashing.Sha256Hex(bytes), item.Sha256, StringComparison.Ordinal))
            {
                return bytes;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a listing that comes from outside (the cache, a remote): every line must be a relative path of plain
    /// segments (no "..", ".", empty segment, rooted path, backslash or control character) and a SHA-256, sorted and
    /// without repeats.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a listing; the message says where.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Decode(byte[] bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new InvalidDataException($"a listing of {bytes.Length} bytes is larger than {MaxBytes} bytes");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (ArgumentException)
        {
            throw new InvalidDataException("the listing is not UTF-8 text");
        }

        var entries = new List<KeyValuePair<string, string>>();
        var start = 0;
        var line = 0;
        while (start < text.Length)
        {
            line++;
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                throw new InvalidDataException($"line {line} of the listing does not end with a line feed");
            }

            var separator = text.IndexOf('\0', start, end - start);
            if (separator < 0 || end - separator - 1 != ContentHash.Sha256HexLength)
            {
                throw new InvalidDataException($"line {line} of the listing is not 'path NUL sha256'");
            }

            var path = text.Substring(start, separator - start);
            var sha = text.Substring(separator + 1, ContentHash.Sha256HexLength);
            if (!ContentHash.IsSha256(sha))
            {
                throw new InvalidDataException($"line {line} of the listing has no SHA-256");
            }

            if (!IsPlainRelativePath(path))
            {
                throw new InvalidDataException($"line {line} of the listing names '{Printable(path)}', which is not a relative path inside the folder");
            }

            if (entries.Count > 0 && string.CompareOrdinal(entries[entries.Count - 1].Key, path) >= 0)
            {
                throw new InvalidDataException($"line {line} of the listing is out of order or repeated");
            }

            entries.Add(new KeyValuePair<string, string>(path, sha));
            start = end + 1;
        }

        return entries;
    }

    /// <summary>True for a relative path of plain '/'-separated segments: nothing that could leave the folder it is placed in.</summary>
    public static bool IsPlainRelativePath(string path)
    {
        if (path.Length == 0 || path.Length > 4096 || path[0] == '/' || (path.Length > 1 && path[1] == ':'))
        {
            return false;
        }

        foreach (var c in path)
        {
            if (c < ' ' || c == '\\' || c == '\u007f')
            {
                return false;
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return false;
            }
        }

        return true;
    }

    private static string Printable(string path)
    {
        var shown = new string(path.Select(c => c < ' ' || c == '\u007f' ? '?' : c).ToArray());
        return shown.Length > 80 ? shown.Substring(0, 79) + "…" : shown;
    }
}
