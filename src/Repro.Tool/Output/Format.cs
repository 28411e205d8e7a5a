using System.Globalization;

namespace Repro.Tool.Output;

/// <summary>How reports write sizes, hashes and flags.</summary>
public static class Format
{
    public static string Bytes(long bytes)
    {
        string[] units = { "B", "KiB", "MiB", "GiB", "TiB" };
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? bytes.ToString(CultureInfo.InvariantCulture) + " B" : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>A hash cut to 12 characters for people (JSON output always carries the whole value).</summary>
    public static string Hash(string? hash)
    {
        if (hash is null)
        {
            return "none";
        }

        var prefix = hash.StartsWith("sha256:", System.StringComparison.Ordinal) ? "sha256:" : "";
        var hex = hash.Substring(prefix.Length);
        return hex.Length > 16 ? prefix + hex.Substring(0, 12) + "…" : hash;
    }

    /// <summary>Long values that look like hashes (hex or base64, 32 characters and more) are cut; everything else is kept.</summary>
    public static string Value(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (value.Length >= 32 && !value.Contains(' ') && !value.Contains('/') && !value.Contains(';') && !value.Contains('.'))
        {
            return Hash(value);
        }

        return value;
    }

    /// <summary>Values longer than 80 characters are cut for reports (never inside a surrogate pair); --json has them whole.</summary>
    public static string Long(string value) =>
        value.Length <= 80 ? value : value.Substring(0, char.IsHighSurrogate(value[78]) ? 78 : 79) + "…";

    public static string Flag(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "unknown",
    };

    /// <summary>A commit or hash cut to 12 characters without a mark (as git's short ids), "none" when absent.</summary>
    public static string Short(string? commit) => commit is { Length: > 12 } ? commit.Substring(0, 12) : commit ?? "none";

    /// <summary>The first <paramref name="length"/> characters (all of a shorter text, "" for none): the one place that
    /// cuts ids and hashes to a width.</summary>
    public static string Prefix(string? text, int length) => text is null ? "" : text.Length <= length ? text : text.Substring(0, length);

    /// <summary>A hash without its algorithm (<c>sha256:</c>), as tables show fingerprints.</summary>
    public static string? Bare(string? hash) =>
        hash is not null && hash.StartsWith("sha256:", System.StringComparison.OrdinalIgnoreCase) ? hash.Substring("sha256:".Length) : hash;

    /// <summary>A metric value as tables, the report and messages show it: six significant digits.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A duration with its unit: <c>0.4s</c>, <c>3m07s</c>, <c>2h05m</c>; empty when unknown.</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "",
        { TotalHours: >= 1 } d => $"{(int)d.TotalHours}h{d.Minutes:D2}m",
        { TotalMinutes: >= 1 } d => $"{d.Minutes}m{d.Seconds:D2}s",
        { } d => d.TotalSeconds.ToString(d.TotalSeconds < 10 ? "0.0##" : "0.0", CultureInfo.InvariantCulture) + "s",
    };
}
