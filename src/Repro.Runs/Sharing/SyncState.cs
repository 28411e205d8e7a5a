using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Repro.Build.IO;

namespace Repro.Runs.Sharing;

/// <summary>
/// What a runs folder last exchanged with the ref, so that a push or pull costs what changed, not what exists: for each
/// shared file, the blob it was found to be and the size and time it had then (a file whose size and time are
/// unchanged is not read again), and the commit of the ref whose whole tree the folder reflects (the next export
/// starts from its <c>git diff-tree</c>). Kept in the runs folder as <c>.repro-sync</c> (a dot file: never shared,
/// never listed as a run). A lost or unreadable file only makes the next exchange a full one.
/// </summary>
internal sealed class SyncState
{
    /// <summary>The file's name inside the runs folder.</summary>
    public const string FileName = ".repro-sync";

    private const string Header = "repro-sync 1";

    // A folder of 100,000 runs has ~300,000 entries of ~120 bytes; anything much larger is not ours.
    private const long MaxBytes = 256L * 1024 * 1024;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _settled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);
    private readonly string? _path;
    private string? _loadedSynced;
    private bool _changed;

    private SyncState(string? path) => _path = path;

    /// <summary>The commit whose whole tree the runs folder reflects; null before the first full exchange.</summary>
    public string? Synced { get; set; }

    /// <summary>How many files it knows.</summary>
    public int Count => _entries.Count;

    /// <summary>A state that remembers nothing (a run shared by the training program itself).</summary>
    public static SyncState Empty() => new(null);

    /// <summary>The state of a runs folder; empty when it has none or it cannot be read.</summary>
    public static SyncState Load(string runsDirectory)
    {
        var path = Path.Combine(runsDirectory, FileName);
        var state = new SyncState(path);
        try
        {
            if (!FileProbe.TryStatRegular(path, out var size, out _) || size > MaxBytes)
            {
                return state; // none, not a plain file, or larger than any state of ours: start over
            }

            using var reader = new StreamReader(FileProbe.OpenRegular(path, FileOptions.SequentialScan, 65536), new UTF8Encoding(false));
            if (reader.ReadLine() != Header)
            {
                return state;
            }

            long read = 0;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                read += line.Length + 1;
                if (read > MaxBytes)
                {
                    return new SyncState(path);
                }

                if (!state.TryAdd(line))
                {
                    return new SyncState(path); // not written by us: start over rather than trust a part of it
                }
            }
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return new SyncState(path);
        }

        state._loadedSynced = state.Synced;
        return state;
    }

    /// <summary>Forgets everything (the ref no longer holds what the state describes).</summary>
    public void Clear()
    {
        _changed |= _entries.Count > 0 || _settled.Count > 0;
        _entries.Clear();
        _settled.Clear();
        _ended.Clear();
        Synced = null;
    }

    /// <summary>
    /// True when a run had ended (finished or failed) and its files were shared or known when its folder had this
    /// time: a run that has ended changes only by a file replaced or added in its folder, which moves the folder's time,
    /// so its files need not be looked at one by one.
    /// </summary>
    public bool IsSettled(string runId, long folderTicks) => _settled.TryGetValue(runId, out var known) && known == folderTicks;

    /// <summary>True when the run's record, as last shared or written, said the run had ended (finished or failed).</summary>
    public bool HasEnded(string runId) => _ended.Contains(runId);

    /// <summary>Remembers what a record of the run, as shared or written now, says of its end.</summary>
    public void SetEnded(string runId, bool ended)
    {
        if (ended ? _ended.Add(runId) : _ended.Remove(runId))
        {
            _changed = true;
        }
    }

    /// <summary>True when a record says the run has ended and written its last (finished or failed; a killed run's
    /// metrics may still have been flushed after its record).</summary>
    public static bool RecordSaysEnded(byte[] record)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(record, new System.Text.Json.JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                var isStatus = reader.ValueTextEquals("status");
                reader.Read();
                if (isStatus)
                {
                    return reader.TokenType == System.Text.Json.JsonTokenType.String
                        && (reader.ValueTextEquals(Records.RunStatus.Finished) || reader.ValueTextEquals(Records.RunStatus.Failed));
                }

                reader.Skip();
            }

            return false;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>Remembers that a run has ended with its folder at this time (see <see cref="IsSettled"/>).</summary>
    public void Settle(string runId, long folderTicks)
    {
        if (!IsSettled(runId, folderTicks))
        {
            _settled[runId] = folderTicks;
            _changed = true;
        }
    }

    /// <summary>The blob a file was, if its size and time are those it had then.</summary>
    public string? BlobIfUnchanged(string runId, string fileName, long size, long lastWriteTicks) =>
        _entries.TryGetValue(runId + "/" + fileName, out var entry) && entry.Size == size && entry.LastWriteTicks == lastWriteTicks ? entry.Blob : null;

    /// <summary>The blob a file was last found to be, whatever it is now.</summary>
    public string? KnownBlob(string runId, string fileName) => _entries.TryGetValue(runId + "/" + fileName, out var entry) ? entry.Blob : null;

    public void Set(string runId, string fileName, string blob, long size, long lastWriteTicks)
    {
        var key = runId + "/" + fileName;
        if (!_entries.TryGetValue(key, out var old) || old.Blob != blob || old.Size != size || old.LastWriteTicks != lastWriteTicks)
        {
            _entries[key] = new Entry(blob, size, lastWriteTicks);
            _changed = true;
        }
    }

    /// <summary>Writes the state (through a temporary file and a rename); a failure only costs a full exchange next time.</summary>
    public void Save()
    {
        if (_path is null || (!_changed && Synced == _loadedSynced))
        {
            return; // nothing new to remember: a pull that brought nothing writes nothing
        }

        var keys = new List<string>(_entries.Keys);
        keys.Sort(StringComparer.Ordinal);
        try
        {
            AtomicFile.Write(_path, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" };
                writer.WriteLine(Header);
                if (Synced is not null)
                {
                    writer.WriteLine("synced\t" + Synced);
                }

                var ended = new List<string>(_ended);
                ended.Sort(StringComparer.Ordinal);
                foreach (var id in ended)
                {
                    writer.WriteLine("ended\t" + id);
                }

                var settled = new List<string>(_settled.Keys);
                settled.Sort(StringComparer.Ordinal);
                foreach (var id in settled)
                {
                    writer.WriteLine("settled\t" + id + "\t" + _settled[id].ToString(CultureInfo.InvariantCulture));
                }

                foreach (var key in keys)
                {
                    var entry = _entries[key];
                    var slash = key.IndexOf('/');
                    writer.WriteLine(string.Join("\t", key.Substring(0, slash), key.Substring(slash + 1), entry.Blob,
                        entry.Size.ToString(CultureInfo.InvariantCulture), entry.LastWriteTicks.ToString(CultureInfo.InvariantCulture)));
                }
            });
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            // a read-only or full disk: the next exchange is a full one
        }
    }

    /// <summary>One line of the file: "synced", "settled" or a file's entry (run id, file name, blob, size, ticks), tab-separated.</summary>
    private bool TryAdd(string line)
    {
        var fields = new string[5];
        var count = 0;
        var start = 0;
        while (count < fields.Length)
        {
            var tab = line.IndexOf('\t', start);
            fields[count++] = tab < 0 ? line.Substring(start) : line.Substring(start, tab - start);
            if (tab < 0)
            {
                break;
            }

            start = tab + 1;
            if (count == fields.Length)
            {
                return false; // more fields than any line has
            }
        }

        if (count == 2 && fields[0] == "synced" && IsObjectId(fields[1]))
        {
            Synced = fields[1];
            return true;
        }

        if (count == 2 && fields[0] == "ended" && SharedRunNames.IsRunId(fields[1]))
        {
            _ended.Add(fields[1]);
            return true;
        }

        if (count == 3 && fields[0] == "settled" && SharedRunNames.IsRunId(fields[1])
            && long.TryParse(fields[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var folderTicks))
        {
            _settled[fields[1]] = folderTicks;
            return true;
        }

        if (count == 5 && SharedRunNames.IsFileName(fields[1]) && IsObjectId(fields[2]) && SharedRunNames.IsRunId(fields[0])
            && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            && long.TryParse(fields[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks))
        {
            _entries[fields[0] + "/" + fields[1]] = new Entry(fields[2], size, ticks);
            return true;
        }

        return false;
    }

    private static bool IsObjectId(string value)
    {
        if (value.Length != 40 && value.Length != 64)
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

    private readonly struct Entry
    {
        public Entry(string blob, long size, long lastWriteTicks)
        {
            Blob = blob;
            Size = size;
            LastWriteTicks = lastWriteTicks;
        }

        public string Blob { get; }

        public long Size { get; }

        public long LastWriteTicks { get; }
    }
}
