using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Repro.Build.Manifest;
using Repro.Build.Security;

namespace Repro.Build.Dependencies;

/// <summary>Reads the restored package graph of one target framework from NuGet's <c>project.assets.json</c>.</summary>
public static class ProjectAssetsReader
{
    /// <param name="assetsFilePath">Path of <c>project.assets.json</c>.</param>
    /// <param name="targetFramework">The target framework alias (<c>$(TargetFramework)</c>, e.g. <c>net8.0</c>): the key of newer assets files.</param>
    /// <param name="targetFrameworkMoniker">The NuGet moniker (<c>$(NuGetTargetMoniker)</c>, e.g. <c>.NETCoreApp,Version=v8.0</c>): the key of older ones.</param>
    /// <param name="runtimeIdentifier">The runtime identifier, when the project builds for one.</param>
    /// <exception cref="InvalidDataException">The file is not a readable assets file, or has no target for the framework.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static RestoredGraph Read(string assetsFilePath, string? targetFramework, string? targetFrameworkMoniker, string? runtimeIdentifier)
    {
        using var document = ParseJson(assetsFilePath);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("targets", out var targets)
            || targets.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"'{assetsFilePath}' has no 'targets' object.");
        }

        var target = FindByFramework(targets, targetFramework, targetFrameworkMoniker, runtimeIdentifier)
            ?? throw new InvalidDataException(
                $"'{assetsFilePath}' has no target for '{targetFramework}'{(string.IsNullOrEmpty(runtimeIdentifier) ? "" : $" and runtime '{runtimeIdentifier}'")}; restore the project again.");

        var libraries = root.TryGetProperty("libraries", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        var packageFolders = ReadPackageFolders(root);
        var projectFramework = FindProjectFramework(root, targetFramework, targetFrameworkMoniker);
        var direct = ReadNames(projectFramework, "dependencies");

        var graph = new RestoredGraph();
        foreach (var library in target.EnumerateObject())
        {
            if (!IsPackage(library.Value))
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
            if (libraries.ValueKind == JsonValueKind.Object && libraries.TryGetProperty(library.Name, out var details) && details.ValueKind == JsonValueKind.Object)
            {
                entry.Sha512 = GetString(details, "sha512");
                entry.Source = ReadSource(packageFolders, GetString(details, "path"));
            }

            graph.Packages.Add(entry);
        }

        graph.Packages.Sort(ComparePackages);
        graph.FrameworkReferences.AddRange(ReadNames(projectFramework, "frameworkReferences"));
        graph.FrameworkReferences.Sort(StringComparer.OrdinalIgnoreCase);
        return graph;
    }

    internal static JsonDocument ParseJson(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON ({ex.Message}).", ex);
        }
    }

    /// <summary>Finds the property keyed by the framework alias or moniker (RID-specific first, when there is a RID).</summary>
    internal static JsonElement? FindByFramework(JsonElement container, string? alias, string? moniker, string? runtimeIdentifier)
    {
        foreach (var candidate in Candidates(alias, moniker, runtimeIdentifier))
        {
            foreach (var property in container.EnumerateObject())
            {
                if (string.Equals(property.Name, candidate, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Object)
                {
                    return property.Value;
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

    private static JsonElement? FindProjectFramework(JsonElement root, string? alias, string? moniker)
    {
        if (!root.TryGetProperty("project", out var project) || project.ValueKind != JsonValueKind.Object
            || !project.TryGetProperty("frameworks", out var frameworks) || frameworks.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (FindByFramework(frameworks, alias, moniker, null) is { } byKey)
        {
            return byKey;
        }

        foreach (var framework in frameworks.EnumerateObject())
        {
            if (framework.Value.ValueKind == JsonValueKind.Object && string.Equals(GetString(framework.Value, "targetAlias"), alias, StringComparison.OrdinalIgnoreCase))
            {
                return framework.Value;
            }
        }

        return null;
    }

    private static HashSet<string> ReadNames(JsonElement? parent, string property)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in element.EnumerateObject())
            {
                names.Add(entry.Name);
            }
        }

        return names;
    }

    private static List<string> ReadPackageFolders(JsonElement root)
    {
        var folders = new List<string>();
        if (root.TryGetProperty("packageFolders", out var element) && element.ValueKind == JsonValueKind.Object)
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
            var metadata = Path.Combine(folder, libraryPath.Replace('/', Path.DirectorySeparatorChar), ".nupkg.metadata");
            if (!File.Exists(metadata))
            {
                continue;
            }

            try
            {
                using var document = ParseJson(metadata);
                var source = document.RootElement.ValueKind == JsonValueKind.Object ? GetString(document.RootElement, "source") : null;
                return source is null ? null : UrlSanitizer.Sanitize(source);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return null; // the source is a nicety; a damaged metadata file must not cost the package list
            }
        }

        return null;
    }

    internal static string? GetString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsPackage(JsonElement library) =>
        library.ValueKind == JsonValueKind.Object
        && library.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String
        && string.Equals(type.GetString(), "package", StringComparison.OrdinalIgnoreCase);

    private static int ComparePackages(PackageEntry x, PackageEntry y)
    {
        var byId = string.Compare(x.Id, y.Id, StringComparison.OrdinalIgnoreCase);
        return byId != 0 ? byId : string.CompareOrdinal(x.Version, y.Version);
    }
}
