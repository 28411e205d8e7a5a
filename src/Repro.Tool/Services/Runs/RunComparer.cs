using System.Text;
using Repro.Build.Manifest;
using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>
/// Compares two run records: parameters, seeds, data states, steps, inputs and outputs, metrics (as deltas), status
/// and environment, and the two builds' embedded manifests with <see cref="ManifestComparer"/> (so "which inputs of
/// the fingerprint changed" is answered for runs too). Times and ids, which always differ, are left out unless
/// everything is asked for.
/// </summary>
public static class RunComparer
{
    private static readonly HashSet<string> Volatile = new(StringComparer.Ordinal)
    {
        "runId", "startTime", "endTime", "lastWriteTime", "time", "durationSeconds", "process.id",
    };

    public static (ManifestDifference Difference, IReadOnlyList<MetricDelta> Metrics) Compare(RunRecord before, RunRecord after, bool all)
    {
        var left = Flatten(before, all);
        var right = Flatten(after, all);
        var keys = ManifestComparer.CompareKeys(left, right);

        // The builds: their embedded manifests, compared field by field.
        if (ReadBuild(before) is { } builtBefore && ReadBuild(after) is { } builtAfter)
        {
            var builds = ManifestComparer.Compare(builtBefore, builtAfter, embeddedOnly: true);
            keys.AddRange(builds.Keys.Where(k => k.Path != "fingerprint").Select(k =>
                new KeyChange("build.manifest." + k.Path, "build", k.Kind, k.Before, k.After, k.InFingerprint, k.IsElement)));
        }

        var metrics = before.Metrics.Keys.Union(after.Metrics.Keys, StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal)
            .Select(name => new MetricDelta(name,
                before.Metrics.TryGetValue(name, out var b) ? b.Last : null,
                after.Metrics.TryGetValue(name, out var a) ? a.Last : null))
            .ToList();
        return (new ManifestDifference(before.Build?.Fingerprint, after.Build?.Fingerprint, embeddedOnly: false, keys, Array.Empty<PackageChange>()), metrics);
    }

    private static List<ManifestKey> Flatten(RunRecord run, bool all) =>
        ManifestFlattener.Flatten(run)
            .Where(k => !k.Path.StartsWith("build.manifest", StringComparison.Ordinal) && !k.Path.StartsWith("metrics.", StringComparison.Ordinal))
            .Where(k => all || !Volatile.Contains(LastSegment(k.Path)) && !Volatile.Contains(k.Path))
            .ToList();

    private static string LastSegment(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 || dot < path.LastIndexOf(']') ? path : path.Substring(dot + 1);
    }

    private static ReproManifest? ReadBuild(RunRecord run)
    {
        if (run.Build?.Manifest is not { } element)
        {
            return null;
        }

        try
        {
            return ManifestSerializer.FromUtf8Bytes(Encoding.UTF8.GetBytes(element.GetRawText()));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or System.IO.InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }
}
