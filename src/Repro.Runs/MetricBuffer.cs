using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Repro.Runs.Records;

namespace Repro.Runs;

/// <summary>
/// Metric points between <see cref="ReproRun.LogMetric"/> and the metrics file: the caller only appends to a list under
/// a lock; <see cref="Flush"/> (the background thread, or the end of the run) swaps the list out, appends the points as
/// JSON lines and updates the per-key summaries. Points that cannot be written are kept for the next flush, up to
/// <see cref="MaxPending"/>.
/// </summary>
internal sealed class MetricBuffer
{
    /// <summary>Points waiting when the writer is woken up early.</summary>
    public const int WakeUpCount = 1 << 16;

    /// <summary>Points kept while the file cannot be written; older ones are dropped beyond this.</summary>
    public const int MaxPending = 1_000_000;

    private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private readonly object _gate = new();
    private readonly object _writeGate = new();
    private readonly string _path;
    private readonly SortedDictionary<string, MetricSummary> _summaries = new(StringComparer.Ordinal);
    private List<MetricPoint> _pending = [];
    private List<MetricPoint> _spare = [];
    private readonly MemoryStream _lines = new();
    private readonly Utf8JsonWriter _writer;
    private FileStream? _stream;

    public MetricBuffer(string path)
    {
        _path = path;
        _writer = new Utf8JsonWriter(_lines);
    }

    /// <summary>Raised (outside the lock) when <see cref="WakeUpCount"/> points wait.</summary>
    public event Action? Full;

    /// <summary>Returns without doing I/O: the point is written by the next flush.</summary>
    public void Add(string key, double value, long step)
    {
        var point = new MetricPoint(key, value, step, (DateTime.UtcNow.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond);
        bool full;
        lock (_gate)
        {
            _pending.Add(point);
            full = _pending.Count == WakeUpCount;
        }

        if (full)
        {
            Full?.Invoke();
        }
    }

    /// <summary>A copy of the summaries of the points written so far.</summary>
    public SortedDictionary<string, MetricSummary> Summaries()
    {
        lock (_writeGate)
        {
            var copy = new SortedDictionary<string, MetricSummary>(StringComparer.Ordinal);
            foreach (var pair in _summaries)
            {
                var s = pair.Value;
                copy[pair.Key] = new MetricSummary { Last = s.Last, Step = s.Step, Min = s.Min, Max = s.Max, Count = s.Count };
            }

            return copy;
        }
    }

    /// <summary>Writes what waits. Throws the I/O failure (the points stay pending); the caller reports it.</summary>
    public void Flush()
    {
        lock (_writeGate)
        {
            List<MetricPoint> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batch = _pending;
                _pending = _spare;
                _spare = batch;
            }

            try
            {
                Write(batch);
                batch.Clear();
            }
            catch
            {
                Requeue(batch);
                throw;
            }
        }
    }

    /// <summary>Closes the file (after a last <see cref="Flush"/>).</summary>
    public void Close()
    {
        lock (_writeGate)
        {
            _stream?.Dispose();
            _stream = null;
        }
    }

    private void Write(List<MetricPoint> batch)
    {
        // Append-only and shared: readers may follow the file while the run writes it.
        _stream ??= new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);

        // Lines are formatted in memory and written in blocks of about 1 MiB: one system call per block, never per point
        // (a Utf8JsonWriter flushes the stream it writes to). What reached the operating system survives SIGKILL.
        const int BlockBytes = 1 << 20;
        foreach (var point in batch)
        {
            MetricsFileFormat.WriteLine(_writer, _lines, point);
            if (_lines.Length >= BlockBytes)
            {
                WriteBlock();
            }
        }

        WriteBlock();
        foreach (var point in batch)
        {
            Summarize(point);
        }
    }

    private void WriteBlock()
    {
        try
        {
            _lines.WriteTo(_stream!);
        }
        finally
        {
            _lines.SetLength(0);
        }
    }

    private void Summarize(MetricPoint point)
    {
        if (!_summaries.TryGetValue(point.Key, out var summary))
        {
            _summaries[point.Key] = new MetricSummary { Last = point.Value, Step = point.Step, Min = point.Value, Max = point.Value, Count = 1 };
            return;
        }

        summary.Last = point.Value;
        summary.Step = point.Step;
        summary.Min = Math.Min(summary.Min, point.Value);
        summary.Max = Math.Max(summary.Max, point.Value);
        summary.Count++;
    }

    // A failed write: the batch goes back before the points logged meanwhile. The file may hold part of it, which a
    // reader sees as a line cut short and skips; the whole batch is written again.
    private void Requeue(List<MetricPoint> batch)
    {
        // The batch is written again whole; only the file handle holds a resource.
        try
        {
            _stream?.Dispose();
        }
        catch (IOException)
        {
            // closing a file on a full disk may fail too
        }

        _stream = null;
        lock (_gate)
        {
            batch.AddRange(_pending);
            _pending.Clear();
            var list = _pending;
            _pending = batch;
            _spare = list;
            if (_pending.Count > MaxPending)
            {
                _pending.RemoveRange(0, _pending.Count - MaxPending);
            }
        }
    }
}
