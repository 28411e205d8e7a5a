using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Repro.Build.Manifest;

namespace Repro.Build.Dependencies;

/// <summary>Compares NuGet's <c>packages.lock.json</c> with the graph restored for one target framework.</summary>
public static class LockFileComparer
{
    /// <returns>Human-readable differences, empty when the lock file and the restored graph agree.</returns>
    /// <exception cref="InvalidDataException">The lock file is not valid.</exception>
    public static List<string> Compare(string lockFilePath, string? targetFramework, string? targetFrameworkMoniker, string? runtimeIdentifier, IReadOnlyList<PackageEntry> restored)
    {
        using var document = ProjectAssetsReader.ParseJson(lockFilePath);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("dependencies", out var dependencies)
            || dependencies.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"'{lockFilePath}' has no 'dependencies' object.");
        }

        var differences = new List<string>();
        var section = ProjectAssetsReader.FindByFramework(dependencies, targetFramework, targetFrameworkMoniker, runtimeIdentifier);
        if (section is null)
        {
            differences.Add($"the lock file has no section for '{targetFramework}'");
            return differences;
        }

        var locked = new Dictionary<string, (string? Version, string? Hash)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in section.Value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object
                || (entry.Value.TryGetProperty("type", out var type) && string.Equals(type.GetString(), "Project", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            locked[entry.Name] = (ProjectAssetsReader.GetString(entry.Value, "resolved"), ProjectAssetsReader.GetString(entry.Value, "contentHash"));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in restored)
        {
            seen.Add(package.Id);
            if (!locked.TryGetValue(package.Id, out var lockedEntry))
            {
                differences.Add($"{package.Id} {package.Version} is restored but not locked");
            }
            else if (!string.Equals(lockedEntry.Version, package.Version, StringComparison.OrdinalIgnoreCase))
            {
                differences.Add($"{package.Id} is restored at {package.Version} but locked at {lockedEntry.Version}");
            }
            else if (lockedEntry.Hash is not null && package.Sha512 is not null && !string.Equals(lockedEntry.Hash, package.Sha512, StringComparison.Ordinal))
            {
                differences.Add($"{package.Id} {package.Version} has a different content hash than the locked one");
            }
        }

        foreach (var id in locked.Keys)
        {
            if (!seen.Contains(id))
            {
                differences.Add($"{id} {locked[id].Version} is locked but not restored");
            }
        }

        differences.Sort(StringComparer.Ordinal);
        return differences;
    }
}
