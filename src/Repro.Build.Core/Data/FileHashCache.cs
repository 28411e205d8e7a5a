using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
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
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _used = new(StringComparer.Ordinal);

    public static FileHashCache Load(string? path)
    {
        var cache = new FileHashCache();
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return cache;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.GetInt32() != FormatVersion
                || !root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
            {
                return cache;
            }

            foreach (var file in files.EnumerateObject())
            {
                var value = file.Value;
                if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 3)
                {
                    cache._entries[file.Name] = new Entry(value[0].GetInt64(), value[1].GetInt64(), value[2].GetString() ?? "");
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            // A damaged cache costs a re-hash, nothing more.
        }

        return cache;
    }

    public bool TryGet(string fullPath, long size, long lastWriteTicks, out string sha256)
    {
        if (_entries.TryGetValue(fullPath, out var entry) && entry.Size == size && entry.LastWriteTicks == lastWriteTicks && entry.Sha256.Length == 64)
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
        _entries[fullPath] = new Entry(size, lastWriteTicks, sha256);
        _used[fullPath] = true;
    }

    /// <summary>Writes the entries used by this build (dropping files no longer declared), if they changed.</summary>
    public void Save(string path)
    {
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

    private readonly struct Entry
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
