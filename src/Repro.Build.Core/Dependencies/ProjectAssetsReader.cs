using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Build.Security;

namespace Repro.Build.Dependencies;

/// <summary>Reads the restored package graph of one target framework from NuGet's <c>project.assets.json</c>.</summary>
public static class ProjectAssetsReader
{
    /// <summary>Assets files of large solutions run to tens of MiB; beyond this a file is damaged, not large.</summary>
    internal const long MaxFileBytes = 256L * 1024 * 1024;

    private const long MaxMetadataBytes = 1024 * 1024;

    /// <param name="assetsFilePath">Path of <c>project.assets.json</c>.</param>
    /// <param name="targetFramework">The target framework alias (<c>$(TargetFramework)</c>, e.g. <c>net8.0</c>): the key of newer assets files.</param>
    /// <param name="targetFrameworkMoniker">The NuGet moniker (<c>$(NuGetTargetMoniker)</c>, e.g. <c>.NETCoreApp,Version=v8.0</c>): the key of older
    /// ones.</param>
    /// <param name="runtimeIdentifier">The runtime identifier, when the project builds for one.</param>
    /// <exception cref="InvalidDataException">
    /// The file is not a readable assets file (too large, not UTF-8 JSON, a key twice, a value of the wrong type where it
    /// is read), or has no target for the framework. The message names the file and the place.
    /// </exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static RestoredGraph Read(string assetsFilePath, string? targetFramework, string? targetFrameworkMoniker, string? runtimeIdentifier)
    {
        using var file = JsonInputFile.Read(assetsFilePath, MaxFileBytes);
        var root = file.RequireObject(file.Root, "");
        var targets = file.OptionalObject(root, "targets", "")
            ?? throw new InvalidDataException($"'{assetsFilePath}' has no 'targets' object.");

        var (targetKey, target) = FindByFramework(file, targets, "targets", targetFramework, targetFrameworkMoniker, runtimeIdentifier)
            ?? throw new InvalidDataException(
                $"'{assetsFilePath}' has no target for '{targetFramework}'"
                    + $"{(string.IsNullOrEmpty(runtimeIdentifier) ? "" : $" and runtime '{runtimeIdentifier}'")}; restore the project again.");

        var libraries = file.OptionalObject(root, "libraries", "");
        var packageFolders = ReadPackageFolders(file, root);
        var projectFramework = FindProjectFramework(file, root, targetFramework, targetFrameworkMoniker);
        var direct = ReadNames(file, projectFramework?.Element, "dependencies", projectFramework?.Location ?? "");

        var graph = new RestoredGraph();
        var targetLocation = JsonInputFile.Append("targets", targetKey);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in target.EnumerateObject())
        {
            var libraryLocation = JsonInputFile.Append(targetLocation, library.Name);
            if (!seen.Add(library.Name))
            {
                // Package ids and versions are case-insensitive: two spellings name one library twice.
                throw file.Invalid(targetLocation, $"lists the library \"{library.Name}\" twice");
            }

            if (!IsPackage(file, file.RequireObject(library.Value, libraryLocation), libraryLocation))
            {
                continue;
            }

            var slash = library.Name.IndexOf('/');
            if (slash <= 0 || slash == library.Name.Length - 1)
            {
                throw new InvalidDataException($"'{assetsFilePath}' has a library key '{library.Name}' that is not 'id/version'.");
            }

            var id = library.Name.Substring(0, slash);
            var entry = new PackageEntry { Id = id, Version = library.Name.Substring(slash + 1), Direct = direct.Contains(id) };
            var detailsLocation = JsonInputFile.Append("libraries", library.Name);
            if (libraries is { } l && file.OptionalObject(l, library.Name, "libraries") is { } details)
            {
                entry.Sha512 = file.OptionalString(details, "sha512", detailsLocation);
                entry.Source = ReadSource(packageFolders, file.OptionalString(details, "path", detailsLocation));
            }

            graph.Packages.Add(entry);
        }

        graph.Packages.Sort(ComparePackages);
        graph.FrameworkReferences.AddRange(ReadNames(file, projectFramework?.Element, "frameworkReferences", projectFramework?.Location ?? ""));
        graph.FrameworkReferences.Sort(StringComparer.OrdinalIgnoreCase);
        return graph;
    }

    /// <summary>
    /// Finds the property keyed by the framework alias or moniker (RID-specific first, when there is a RID). A matching
    /// key whose value is not an object is invalid data.
    /// </summary>
    internal static (string Key, JsonElement Value)? FindByFramework(JsonInputFile file, JsonElement container, string location, string? alias, string? moniker,
        string? runtimeIdentifier)
    {
        foreach (var candidate in Candidates(alias, moniker, runtimeIdentifier))
        {
            foreach (var property in container.EnumerateObject())
            {
                if (string.Equals(property.Name, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return (property.Name, file.RequireObject(property.Value, JsonInputFile.Append(location, property.Name)));
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string? alias, string? moniker, string? runtimeIdentifier)
    {
        foreach (var framework in new[] { alias, moniker })
        {
            if (string.IsNullOrEmpty(framework))
            {
                continue;
            }

            if (!string.IsNullOrEmpty(runtimeIdentifier))
            {
                yield return framework + "/" + runtimeIdentifier;
            }

            yield return framework!;
        }
    }

    private static (JsonElement Element, string Location)? FindProjectFramework(JsonInputFile file, JsonElement root, string? alias, string? moniker)
    {
        if (file.OptionalObject(root, "project", "") is not { } project
            || file.OptionalObject(project, "frameworks", "project") is not { } frameworks)
        {
            return null;
        }

        if (FindByFramework(file, frameworks, "project.frameworks", alias, moniker, null) is { } byKey)
        {
            return (byKey.Value, JsonInputFile.Append("project.frameworks", byKey.Key));
        }

        foreach (var framework in frameworks.EnumerateObject())
        {
            var location = JsonInputFile.Append("project.frameworks", framework.Name);
            if (string.Equals(file.OptionalString(file.RequireObject(framework.Value, location), "targetAlias", location), alias,
                StringComparison.OrdinalIgnoreCase))
            {
                return (framework.Value, location);
            }
        }

        return null;
    }

    /// <summary>The keys of the object-valued property <paramref name="property"/> (absent: none).</summary>
    private static HashSet<string> ReadNames(JsonInputFile file, JsonElement? parent, string property, string location)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (parent is { } p && file.OptionalObject(p, property, location) is { } element)
        {
            foreach (var entry in element.EnumerateObject())
            {
                names.Add(entry.Name);
            }
        }

        return names;
    }

    /// <summary>The packages folders in NuGet's order: the user's folder first, then the fallback folders.</summary>
    private static List<string> ReadPackageFolders(JsonInputFile file, JsonElement root)
    {
        var folders = new List<string>();
        if (file.OptionalObject(root, "packageFolders", "") is { } element)
        {
            foreach (var folder in element.EnumerateObject())
            {
                folders.Add(folder.Name);
            }
        }

        return folders;
    }

    /// <summary>NuGet writes the feed a package came from into <c>.nupkg.metadata</c> in the package's folder.</summary>
    private static string? ReadSource(List<string> packageFolders, string? libraryPath)
    {
        if (libraryPath is null)
        {
            return null;
        }

        foreach (var folder in packageFolders)
        {
            string metadata;
            try
            {
                metadata = Path.Combine(folder, libraryPath.Replace('/', Path.DirectorySeparatorChar), ".nupkg.metadata");
            }
            catch (ArgumentException)
            {
                continue; // a folder or path with characters no path can hold
            }

            if (!File.Exists(metadata))
            {
                continue;
            }

            try
            {
                using var document = JsonInputFile.Read(metadata, MaxMetadataBytes);
                var source = document.OptionalString(document.RequireObject(document.Root, ""), "source", "");
                return source is null ? null : UrlSanitizer.Sanitize(source);
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                return null; // the source is a nicety; a damaged metadata file must not cost the package list
            }
        }

        return null;
    }

    private static bool IsPackage(JsonInputFile file, JsonElement library, string location) =>
        string.Equals(file.OptionalString(library, "type", location), "package", StringComparison.OrdinalIgnoreCase);

    private static int ComparePackages(PackageEntry x, PackageEntry y)
    {
        var byId = string.Compare(x.Id, y.Id, StringComparison.OrdinalIgnoreCase);
        return byId != 0 ? byId : string.CompareOrdinal(x.Version, y.Version);
    }
}
