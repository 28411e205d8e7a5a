using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Repro.Build.Manifest;

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
    public static List<PackageEntry> ReadPackages(string assetsFilePath, string? targetFramework, string? targetFrameworkMoniker, string? runtimeIdentifier)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(assetsFilePath);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{assetsFilePath}' is not valid JSON ({ex.Message}).", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("targets", out var targets)
                || targets.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"'{assetsFilePath}' has no 'targets' object.");
            }

            var target = FindTarget(targets, targetFramework, targetFrameworkMoniker, runtimeIdentifier)
                ?? throw new InvalidDataException(
                    $"'{assetsFilePath}' has no target for '{targetFramework}'{(string.IsNullOrEmpty(runtimeIdentifier) ? "" : $" and runtime '{runtimeIdentifier}'")}; restore the project again.");

            var packages = new List<PackageEntry>();
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

                packages.Add(new PackageEntry { Id = library.Name.Substring(0, slash), Version = library.Name.Substring(slash + 1) });
            }

            packages.Sort(ComparePackages);
            return packages;
        }
    }

    private static JsonElement? FindTarget(JsonElement targets, string? alias, string? moniker, string? runtimeIdentifier)
    {
        var candidates = new List<string>();
        foreach (var framework in new[] { alias, moniker })
        {
            if (string.IsNullOrEmpty(framework))
            {
                continue;
            }

            if (!string.IsNullOrEmpty(runtimeIdentifier))
            {
                candidates.Add(framework + "/" + runtimeIdentifier);
            }

            candidates.Add(framework!);
        }

        foreach (var candidate in candidates)
        {
            foreach (var target in targets.EnumerateObject())
            {
                if (string.Equals(target.Name, candidate, StringComparison.OrdinalIgnoreCase) && target.Value.ValueKind == JsonValueKind.Object)
                {
                    return target.Value;
                }
            }
        }

        return null;
    }

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
