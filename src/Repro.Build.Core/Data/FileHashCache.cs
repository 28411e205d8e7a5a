using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Repro.Build.IO;

namespace Repro.Build.Data;

/// <summary>
/// Remembers the SHA-256 of files by (full path, size, last write time), so that an unchanged file is not read again
/// by the next build. Stored as JSON under <c>obj/</c>; a missing or damaged cache is simply empty.
/// </summary>
public sealed class FileHashCache
{
    private const int FormatVersion = 1;

    /// <summary>About 150 bytes an entry: room for over a million files.</summary>
    private const long MaxFileBytes = 256L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _used = new(StringComparer.Ordinal);
    private volatile bool _changed;
    private string? _loadedFrom;

    /// <summary>
    /// Reads the cache at <paramref name="path"/>. Never throws: a missing, unreadable or malformed cache (any entry
    /// that is not <c>[size, ticks, "sha256 hex"]</c>, a file twice, too large, not JSON) is an empty cache.
    /// </summary>
    public static FileHashCache Load(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return new FileHashCache();
        }

        try
        {
            using var file = JsonInputFile.Read(path!, MaxFileBytes);
            var root = file.Root;
            if (root.ValueKind != JsonValueKind.Object
                || JsonInputFile.Property(root, "version") is not { ValueKind: JsonValueKind.Number } version
                || !version.TryGetInt32(out var formatVersion) || formatVersion != FormatVersion
                || JsonInputFile.Property(root, "files") is not { ValueKind: JsonValueKind.Object } files)
            {
                return new FileHashCache();
            }

            var cache = new FileHashCache();
            foreach (var entry in files.EnumerateObject())
            {
                if (!TryReadEntry(entry.Value, out var value) || value is null)
                {
                    return new FileHashCache(); // one damaged entry: trust none of them
                }

                cache._entries[entry.Name] = value;
            }

            cache._loadedFrom = path;
            return cache;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            // A damaged cache costs a re-hash, nothing more.
            return new FileHashCache();
        }
    }

    private static bool TryReadEntry(JsonElement value, out Entry? entry)
    {
        entry = null;
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 3
            || value[0].ValueKind != JsonValueKind.Number || !value[0].TryGetInt64(out var size) || size < 0
            || value[1].ValueKind != JsonValueKind.Number || !value[1].TryGetInt64(out var ticks)
            || value[2].ValueKind != JsonValueKind.String)
        {
            return false;
        }

        string sha256;
        try
        {
            sha256 = value[2].GetString()!;
        }
        catch (InvalidOperationException)
        {
            return false; // a string with a broken escape
        }

        if (!IsSha256Hex(sha256))
        {
            return false;
        }

        entry = new Entry(size, ticks, sha256);
        return true;
    }

    private static bool IsSha256Hex(string value)
    {
        if (value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    public bool TryGet(string fullPath, long size, long lastWriteTicks, out string sha256)
    {
        if (_entries.TryGetValue(fullPath, out var entry) && entry.Size == size && entry.LastWriteTicks == lastWriteTicks)
        {
            _used[fullPath] = true;
            sha256 = entry.Sha256;
            return true;
        }

        sha256 = "";
        return false;
    }

    public void Set(string fullPath, long size, long lastWriteTicks, string sha256)
    {
        _changed = true;
        _entries[fullPath] = new Entry(size, lastWriteTicks, sha256);
        _used[fullPath] = true;
    }

    /// <summary>Writes the entries used by this build (dropping files no longer declared), if they changed.</summary>
    public void Save(string path)
    {
        // Nothing hashed and every entry of the file used: it already holds exactly this (a run that changed nothing costs no write).
        if (!_changed && _used.Count == _entries.Count && string.Equals(path, _loadedFrom, StringComparison.Ordinal))
        {
            return;
        }

        var keys = new List<string>(_used.Keys);
        keys.Sort(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartObject("files");
            foreach (var key in keys)
            {
                var entry = _entries[key];
                writer.WriteStartArray(key);
                writer.WriteNumberValue(entry.Size);
                writer.WriteNumberValue(entry.LastWriteTicks);
                writer.WriteStringValue(entry.Sha256);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        AtomicFile.WriteIfChanged(path, stream.ToArray());
    }

    private sealed class Entry
    {
        public Entry(long size, long lastWriteTicks, string sha256)
        {
            Size = size;
            LastWriteTicks = lastWriteTicks;
            Sha256 = sha256;
        }

        public long Size { get; }

        public long LastWriteTicks { get; }

        public string Sha256 { get; }
    }
}
