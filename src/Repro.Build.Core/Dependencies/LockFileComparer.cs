using System;
using System.Collections.Generic;
using System.IO;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Dependencies;

/// <summary>Compares NuGet's <c>packages.lock.json</c> with the graph restored for one target framework.</summary>
public static class LockFileComparer
{
    /// <returns>Human-readable differences, empty when the lock file and the restored graph agree.</returns>
    /// <exception cref="InvalidDataException">
    /// The lock file is not valid (too large, not UTF-8 JSON, a key twice, a value of the wrong type where it is read);
    /// the message names the file and the place.
    /// </exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static List<string> Compare(string lockFilePath, string? targetFramework, string? targetFrameworkMoniker, string? runtimeIdentifier,
        IReadOnlyList<PackageEntry> restored)
    {
        using var file = JsonInputFile.Read(lockFilePath, ProjectAssetsReader.MaxFileBytes);
        var dependencies = file.OptionalObject(file.RequireObject(file.Root, ""), "dependencies", "")
            ?? throw new InvalidDataException($"'{lockFilePath}' has no 'dependencies' object.");

        var differences = new List<string>();
        if (ProjectAssetsReader.FindByFramework(file, dependencies, "dependencies", targetFramework, targetFrameworkMoniker,
            runtimeIdentifier) is not { } section)
        {
            differences.Add($"the lock file has no section for '{targetFramework}'");
            return differences;
        }

        var sectionLocation = JsonInputFile.Append("dependencies", section.Key);
        var locked = new Dictionary<string, (string? Version, string? Hash)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in section.Value.EnumerateObject())
        {
            var location = JsonInputFile.Append(sectionLocation, entry.Name);
            var value = file.RequireObject(entry.Value, location);
            if (string.Equals(file.OptionalString(value, "type", location), "Project", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Package ids are case-insensitive: two spellings of one id are one package locked twice.
            if (locked.ContainsKey(entry.Name))
            {
                throw file.Invalid(sectionLocation, $"locks the package \"{entry.Name}\" twice");
            }

            locked[entry.Name] = (file.OptionalString(value, "resolved", location), file.OptionalString(value, "contentHash", location));
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
