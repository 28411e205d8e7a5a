using Repro.Build.Manifest;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// Compares two manifests key by key. A list element one side lacks (a package, a data file) is one change, not one
/// per field. When either side was read from an assembly, both are compared on the embedded fields only, so that the
/// environment an assembly does not carry is not reported as removed.
/// </summary>
public static class ManifestComparer
{
    public static ManifestDifference Compare(LoadedManifest before, LoadedManifest after)
    {
        var embeddedOnly = before.IsEmbedded || after.IsEmbedded;
        return Compare(before.Manifest, after.Manifest, embeddedOnly);
    }

    public static ManifestDifference Compare(ReproManifest before, ReproManifest after, bool embeddedOnly = false)
    {
        ManifestPart? only = embeddedOnly ? ManifestPart.Embedded : null;
        var changes = CompareKeys(ManifestFlattener.Flatten(before, only), ManifestFlattener.Flatten(after, only));
        return new ManifestDifference(before.Fingerprint, after.Fingerprint, embeddedOnly, changes, ComparePackages(before, after));
    }

    /// <summary>Every key of two flattened models, in order: the left side's, each section followed by the keys only the right side has.</summary>
    public static List<KeyChange> CompareKeys(IReadOnlyList<ManifestKey> left, IReadOnlyList<ManifestKey> right)
    {
        var rightByPath = right.ToDictionary(k => k.Path, StringComparer.Ordinal);
        var leftPaths = new HashSet<string>(left.Select(k => k.Path), StringComparer.Ordinal);

        // Manifest order: the left side's keys, each section followed by the keys only the right side has.
        var sections = left.Select(k => k.Section).Concat(right.Select(k => k.Section)).Distinct().ToList();
        var changes = new List<KeyChange>();
        foreach (var section in sections)
        {
            string? skipUnder = null;
            foreach (var key in left.Where(k => k.Section == section))
            {
                if (skipUnder is not null && IsUnder(key.Path, skipUnder))
                {
                    continue;
                }

                skipUnder = null;
                if (!rightByPath.TryGetValue(key.Path, out var other))
                {
                    changes.Add(new KeyChange(key.Path, section, KeyChangeKind.Removed, key.Value, null, key.InFingerprint, key.IsElement));
                    if (key.IsElement)
                    {
                        skipUnder = key.Path;
                    }

                    continue;
                }

                var kind = key.IsElement || string.Equals(key.Value, other.Value, StringComparison.Ordinal) ? KeyChangeKind.Unchanged : KeyChangeKind.Changed;
                if (!key.IsElement || kind == KeyChangeKind.Unchanged)
                {
                    changes.Add(new KeyChange(key.Path, section, kind, key.Value, other.Value, key.InFingerprint, key.IsElement));
                }
            }

            skipUnder = null;
            foreach (var key in right.Where(k => k.Section == section && !leftPaths.Contains(k.Path)))
            {
                if (skipUnder is not null && IsUnder(key.Path, skipUnder))
                {
                    continue;
                }

                changes.Add(new KeyChange(key.Path, section, KeyChangeKind.Added, null, key.Value, key.InFingerprint, key.IsElement));
                skipUnder = key.IsElement ? key.Path : null;
            }
        }

        // The element entries of lists present on both sides say nothing; their fields carry the changes.
        changes.RemoveAll(c => c.IsElement && c.Kind == KeyChangeKind.Unchanged);
        return changes;
    }

    private static bool IsUnder(string path, string element) =>
        path.Length > element.Length && path.StartsWith(element, StringComparison.Ordinal) && (path[element.Length] == '.' || path[element.Length] == '[');

    private static List<PackageChange> ComparePackages(ReproManifest before, ReproManifest after)
    {
        var left = before.Dependencies.Packages.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(),
            StringComparer.OrdinalIgnoreCase);
        var right = after.Dependencies.Packages.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(),
            StringComparer.OrdinalIgnoreCase);
        var changes = new List<PackageChange>();
        foreach (var id in left.Keys.Union(right.Keys, StringComparer.OrdinalIgnoreCase).OrderBy(i => i, StringComparer.OrdinalIgnoreCase))
        {
            left.TryGetValue(id, out var a);
            right.TryGetValue(id, out var b);
            if (a is null)
            {
                changes.Add(new PackageChange(b!.Id, KeyChangeKind.Added, null, b.Version));
            }
            else if (b is null)
            {
                changes.Add(new PackageChange(a.Id, KeyChangeKind.Removed, a.Version, null));
            }
            else if (!string.Equals(a.Version, b.Version, StringComparison.Ordinal) || !string.Equals(a.Sha512, b.Sha512, StringComparison.Ordinal))
            {
                changes.Add(new PackageChange(b.Id, KeyChangeKind.Changed, a.Version, b.Version));
            }
        }

        return changes;
    }
}
