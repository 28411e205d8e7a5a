using System;
using System.Globalization;
using System.IO;

namespace Repro.Runs.SystemMetrics;

/// <summary>
/// What Linux's /proc tells about the machine and the process: CPU time counters (<c>/proc/stat</c>), available
/// memory (<c>/proc/meminfo</c>), the process's disk bytes (<c>/proc/self/io</c>) and network bytes
/// (<c>/proc/net/dev</c>). Each reader returns null where the file is missing or unreadable (another OS, a locked-down
/// container), and the sampler then leaves that metric out.
/// </summary>
internal static class LinuxProc
{
    /// <summary>The machine's busy and total CPU time (in clock ticks) from the <c>cpu</c> line of /proc/stat.</summary>
    public static (ulong Busy, ulong Total)? CpuTimes(string? text = null)
    {
        text ??= Read("/proc/stat");
        if (text is null || !text.StartsWith("cpu ", StringComparison.Ordinal))
        {
            return null;
        }

        var end = text.IndexOf('\n');
        var fields = (end < 0 ? text : text.Substring(0, end)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        ulong total = 0;
        ulong idle = 0;
        // user nice system idle iowait irq softirq steal (guest time is already in user)
        for (var i = 1; i < fields.Length && i <= 8; i++)
        {
            if (!ulong.TryParse(fields[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            total += value;
            if (i is 4 or 5)
            {
                idle += value;
            }
        }

        return total == 0 ? null : (total - idle, total);
    }

    /// <summary>MemAvailable of /proc/meminfo, in bytes.</summary>
    public static double? AvailableMemory(string? text = null) => Field(text ?? Read("/proc/meminfo"), "MemAvailable:") * 1024;

    /// <summary>read_bytes and write_bytes of /proc/self/io: what the process made the storage layer read and write.</summary>
    public static (double Read, double Written)? DiskBytes(string? text = null)
    {
        text ??= Read("/proc/self/io");
        var read = Field(text, "read_bytes:");
        var written = Field(text, "write_bytes:");
        return read is null || written is null ? null : (read.Value, written.Value);
    }

    /// <summary>Bytes received and sent by every interface but loopback, from /proc/net/dev.</summary>
    public static (double Received, double Sent)? NetworkBytes(string? text = null)
    {
        text ??= Read("/proc/net/dev");
        if (text is null)
        {
            return null;
        }

        double received = 0;
        double sent = 0;
        var any = false;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0 || line.Substring(0, colon).Trim() == "lo")
            {
                continue;
            }

            // Receive: bytes packets errs drop fifo frame compressed multicast; Transmit: bytes …
            var fields = line.Substring(colon + 1).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 9
                && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rx)
                && double.TryParse(fields[8], NumberStyles.Float, CultureInfo.InvariantCulture, out var tx))
            {
                received += rx;
                sent += tx;
                any = true;
            }
        }

        return any ? (received, sent) : null;
    }

    private static double? Field(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        var start = text.IndexOf(name, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += name.Length;
        var end = text.IndexOf('\n', start);
        var value = (end < 0 ? text.Substring(start) : text.Substring(start, end - start)).Trim();
        var space = value.IndexOf(' ');
        if (space > 0)
        {
            value = value.Substring(0, space); // "kB"
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
