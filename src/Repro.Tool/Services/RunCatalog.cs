using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Repro.Build.IO;
using Repro.Build.Runs;

namespace Repro.Tool.Services;

/// <summary>
/// Reads the runs of a runs folder (the local runs and those pulled from the team) for listing. What listing needs of
/// each run.json is kept in <c>.index</c> in the runs folder, keyed by the record's size and last-write time, so that
/// listing 10,000 runs reads 10,000 small summaries instead of 10,000 whole records; a record that changed (a run
/// still writing, a pull) is read again. The index is a cache: when it is missing, stale or unwritable, nothing but
/// time is lost.
/// </summary>
public static class RunCatalog
{
    /// <summary>The cache's file name in the runs folder (a file, so never taken for a run).</summary>
    public const string IndexFileName = ".index";

    private const long MaxIndexBytes = 1024L * 1024 * 1024;
    private const string IndexHeader = "repro-run-index 2";

    /// <summary>At most this many unreadable runs are named in a line of text; --json names them all.</summary>
    public const int UnreadableNamed = 5;

    /// <summary>
    /// The runs of <paramref name="runsDirectory"/>, oldest first. Records that cannot be read (damaged, not a run
    /// record, over <see cref="RunRecordSerializer.MaxFileBytes"/>) are returned in <paramref name="unreadable"/> with
    /// the reason, never fatal: the rest of the listing goes on.
    /// </summary>
    public static List<RunListing> Load(string runsDirectory, DateTimeOffset now, out List<UnreadableRun> unreadable)
    {
        var ids = RunStore.ListRunIds(runsDirectory);
        var index = ReadIndex(runsDirectory);
        var listings = new RunListing?[ids.Count];
        var entries = new (long Size, long Ticks, byte[] Summary)?[ids.Count];
        var failures = new UnreadableRun?[ids.Count];
        var reread = 0;
        // Records are independent: read them on every core.
        Parallel.For(0, ids.Count, i =>
        {
            var folder = Path.Combine(runsDirectory, ids[i]);
            var path = Path.Combine(folder, RunRecordSerializer.FileName);
            try
            {
                RunRecord record;
                var (size, ticks) = FileProbe.Stat(path);
                if (index.TryGetValue(ids[i], out var cached) && cached.Size == size && cached.Ticks == ticks)
                {
                    record = RunSummaryReader.Read(cached.Summary);
                    entries[i] = cached;
                }
                else
                {
                    record = RunSummaryReader.Read(FileProbe.ReadAllBytes(path, RunRecordSerializer.MaxFileBytes));
                    entries[i] = (size, ticks, Summarize(record));
                    System.Threading.Interlocked.Increment(ref reread);
                }

                // After the summary is cached: what the record says is cached, what the metrics file adds is read each time.
                listings[i] = new RunListing(record, folder, now) { MetricsDerived = RunMetrics.DeriveIfBehind(record, folder) };
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                failures[i] = new UnreadableRun(ids[i], Reason(ex));
            }
        });
        unreadable = failures.OfType<UnreadableRun>().ToList();

        if (reread > 0 || index.Count != entries.Count(e => e is not null))
        {
            WriteIndex(runsDirectory, ids, entries);
        }

        return listings.OfType<RunListing>().ToList();
    }

    /// <summary>"skipped 2 unreadable record(s): ID (reason), ID (reason)", naming at most <see cref="UnreadableNamed"/>.</summary>
    public static string DescribeUnreadable(IReadOnlyList<UnreadableRun> unreadable)
    {
        var named = string.Join(", ", unreadable.Take(UnreadableNamed).Select(u => $"{u.Id} ({u.Reason})"));
        var more = unreadable.Count > UnreadableNamed ? $", and {unreadable.Count - UnreadableNamed} more (--json lists them all)" : "";
        return $"skipped {unreadable.Count} unreadable record(s): {named}{more}";
    }

    // One short line: the message of a reader names the file, which the listing already names by its run id.
    private static string Reason(Exception ex)
    {
        if (ex is FileTooLargeException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"run.json is larger than the {RunRecordSerializer.MaxFileBytes / (1024 * 1024)} MiB a record may have");
        }

        var message = ex.Message.Split('\n')[0].Trim();
        if (message.StartsWith("Not a run record: ", StringComparison.Ordinal))
        {
            message = "not a run record: " + message.Substring("Not a run record: ".Length);
        }

        return message.Length > 160 ? message.Substring(0, 159) + "…" : message;
    }

    /// <summary>The summary of a record, as a compact run.json of the keys <see cref="RunSummaryReader"/> reads.</summary>
    internal static byte[] Summarize(RunRecord record)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", record.SchemaVersion);
            writer.WriteString("runId", record.RunId);
            writer.WriteString("name", record.Name);
            writer.WriteString("status", record.Status);
            writer.WriteString("startTime", record.StartTime);
            writer.WriteString("endTime", record.EndTime);
            writer.WriteString("lastWriteTime", record.LastWriteTime);
            if (record.Build is { } build)
            {
                writer.WriteStartObject("build");
                writer.WriteString("assembly", build.Assembly);
                writer.WriteString("fingerprint", build.Fingerprint);
                writer.WriteString("commit", build.Commit);
                writer.WriteString("branch", build.Branch);
                if (build.Dirty is { } dirty)
                {
                    writer.WriteBoolean("dirty", dirty);
                }

                writer.WriteEndObject();
            }

            WriteParamsAndMetrics(writer, record);
            if (record.Share is { } share)
            {
                writer.WriteStartObject("share");
                writer.WriteString("remote", share.Remote);
                writer.WriteNumber("intervalSeconds", share.IntervalSeconds);
                writer.WriteEndObject();
            }

            writer.WriteStartObject("environment");
            writer.WriteString("user", record.Environment.User);
            writer.WriteString("host", record.Environment.Host);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>The "params" and "metrics" objects of a run, as the run summary and <c>runs --json</c> write them.</summary>
    internal static void WriteParamsAndMetrics(Utf8JsonWriter writer, RunRecord record)
    {
        writer.WriteStartObject("params");
        foreach (var pair in record.Params)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("metrics");
        foreach (var pair in record.Metrics)
        {
            // As run.json writes it: NaN and infinities as "NaN", "Infinity", "-Infinity" (JSON has no such numbers).
            writer.WritePropertyName(pair.Key);
            RunRecordSerializer.WriteMetricSummary(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    // The index: a header line, then one line per run: <id> TAB <size> TAB <last-write ticks> TAB <summary JSON>.
    private static Dictionary<string, (long Size, long Ticks, byte[] Summary)> ReadIndex(string runsDirectory)
    {
        var index = new Dictionary<string, (long, long, byte[])>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = FileProbe.ReadAllBytes(Path.Combine(runsDirectory, IndexFileName), MaxIndexBytes);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return index;
        }

        var text = bytes.AsSpan();
        var newline = text.IndexOf((byte)'\n');
        if (newline < 0 || Encoding.UTF8.GetString(text.Slice(0, newline).ToArray()) != IndexHeader)
        {
            return index;
        }

        text = text.Slice(newline + 1);
        while (!text.IsEmpty)
        {
            newline = text.IndexOf((byte)'\n');
            var line = newline < 0 ? text : text.Slice(0, newline);
            text = newline < 0 ? default : text.Slice(newline + 1);
            var fields = new int[3];
            var found = 0;
            for (var i = 0; i < line.Length && found < 3; i++)
            {
                if (line[i] == (byte)'\t')
                {
                    fields[found++] = i;
                }
            }

            if (found < 3
                || !long.TryParse(Encoding.ASCII.GetString(line.Slice(fields[0] + 1, fields[1] - fields[0] - 1).ToArray()), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                || !long.TryParse(Encoding.ASCII.GetString(line.Slice(fields[1] + 1, fields[2] - fields[1] - 1).ToArray()), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return new Dictionary<string, (long, long, byte[])>(StringComparer.Ordinal); // damaged: start over
            }

            index[Encoding.UTF8.GetString(line.Slice(0, fields[0]).ToArray())] = (size, ticks, line.Slice(fields[2] + 1).ToArray());
        }

        return index;
    }

    private static void WriteIndex(string runsDirectory, List<string> ids, (long Size, long Ticks, byte[] Summary)?[] entries)
    {
        using var stream = new MemoryStream();
        var header = Encoding.UTF8.GetBytes(IndexHeader + "\n");
        stream.Write(header, 0, header.Length);
        for (var i = 0; i < ids.Count; i++)
        {
            if (entries[i] is not { } entry)
            {
                continue;
            }

            var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ids[i]}\t{entry.Size}\t{entry.Ticks}\t"));
            stream.Write(prefix, 0, prefix.Length);
            stream.Write(entry.Summary, 0, entry.Summary.Length);
            stream.WriteByte((byte)'\n');
        }

        try
        {
            AtomicFile.WriteIfChanged(Path.Combine(runsDirectory, IndexFileName), stream.ToArray());
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            // A read-only runs folder (a teammate's share, a mounted archive): the next listing reads the records again.
        }
    }
}
