using System.Text;

namespace Repro.Tool.Services;

/// <summary>
/// Compares two patches (<c>git diff --binary</c> output as the build writes it) file by file: which files only one
/// changes, and for files both change, the changed lines only one of them has. Context lines and hunk positions are
/// ignored: they move when unrelated lines do.
/// </summary>
public static class PatchComparer
{
    /// <summary>Lines shown per file and side; the rest is counted.</summary>
    public const int MaxLinesPerFile = 20;

    public static IReadOnlyList<PatchFileChange> Compare(byte[]? before, byte[]? after)
    {
        var left = Split(before);
        var right = Split(after);
        var changes = new List<PatchFileChange>();
        foreach (var path in left.Keys.Union(right.Keys, StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
        {
            var inLeft = left.TryGetValue(path, out var a);
            var inRight = right.TryGetValue(path, out var b);
            if (!inLeft)
            {
                changes.Add(new PatchFileChange(path, KeyChangeKind.Added, Array.Empty<string>(), Changed(b!)));
            }
            else if (!inRight)
            {
                changes.Add(new PatchFileChange(path, KeyChangeKind.Removed, Changed(a!), Array.Empty<string>()));
            }
            else if (!a!.SequenceEqual(b!, StringComparer.Ordinal))
            {
                var linesA = Changed(a!);
                var linesB = Changed(b!);
                changes.Add(new PatchFileChange(path, KeyChangeKind.Changed, Except(linesA, linesB), Except(linesB, linesA)));
            }
        }

        return changes;
    }

    /// <summary>
    /// What a patch changes in each file, as one short line per file: <c>+3 −1 lines, &lt;12 hex digits&gt;</c> (the
    /// SHA-256 of the changed lines, so that two patches that change a file alike show the same value).
    /// </summary>
    public static Dictionary<string, string> Summaries(byte[]? patch)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Split(patch))
        {
            var changed = Changed(file.Value);
            var hash = Repro.Build.IO.Hashing.Sha256Hex(Encoding.UTF8.GetBytes(string.Join("\n", changed))).Substring(0, 12);
            summaries[file.Key] = $"+{changed.Count(l => l[0] == '+')} -{changed.Count(l => l[0] == '-')} lines, {hash}";
        }

        return summaries;
    }

    /// <summary>The patch's sections by the path after <c>diff --git a/… b/…</c>.</summary>
    private static Dictionary<string, List<string>> Split(byte[]? patch)
    {
        var files = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (patch is null)
        {
            return files;
        }

        List<string>? current = null;
        foreach (var line in Encoding.UTF8.GetString(patch).Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                var path = PathOf(line);
                current = [];
                files[path] = current;
                continue;
            }

            current?.Add(line);
        }

        return files;
    }

    private static string PathOf(string header)
    {
        var at = header.LastIndexOf(" b/", StringComparison.Ordinal);
        return at >= 0 ? header.Substring(at + 3) : header.Substring("diff --git ".Length);
    }

    private static List<string> Changed(List<string> lines) =>
        lines.Where(l => (l.StartsWith("+", StringComparison.Ordinal) || l.StartsWith("-", StringComparison.Ordinal))
                && !l.StartsWith("+++", StringComparison.Ordinal) && !l.StartsWith("---", StringComparison.Ordinal))
            .ToList();

    private static List<string> Except(List<string> lines, List<string> other)
    {
        var remaining = other.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (remaining.TryGetValue(line, out var count) && count > 0)
            {
                remaining[line] = count - 1;
                continue;
            }

            result.Add(line);
        }

        return result;
    }
}
