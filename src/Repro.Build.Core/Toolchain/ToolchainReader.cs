using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using Repro.Build.Dependencies;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Toolchain;

/// <summary>Reads the versions of the tools that build the project.</summary>
public static class ToolchainReader
{
    /// <summary>The product version of the compiler in <c>$(RoslynTargetsPath)</c> (the SDK's, or Microsoft.Net.Compilers.Toolset's).</summary>
    public static string? ReadCompilerVersion(string? roslynDirectory)
    {
        if (string.IsNullOrEmpty(roslynDirectory))
        {
            return null;
        }

        foreach (var candidate in new[] { Path.Combine(roslynDirectory, "bincore", "Microsoft.CodeAnalysis.dll"), Path.Combine(roslynDirectory, "Microsoft.CodeAnalysis.dll") })
        {
            if (File.Exists(candidate))
            {
                var info = FileVersionInfo.GetVersionInfo(candidate);
                return string.IsNullOrEmpty(info.ProductVersion) ? info.FileVersion : info.ProductVersion;
            }
        }

        return null;
    }

    /// <summary>The runtime that runs the build, e.g. <c>.NET 10.0.12</c> or <c>.NET Framework 4.8.9256.0</c>.</summary>
    public static string RuntimeVersion => RuntimeInformation.FrameworkDescription.Trim();

    /// <summary>The <c>global.json</c> that governs the project folder (the nearest one above it), or null.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON.</exception>
    public static GlobalJsonSection? ReadGlobalJson(string projectDirectory)
    {
        for (var directory = new DirectoryInfo(projectDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "global.json");
            if (!File.Exists(path))
            {
                continue;
            }

            var section = new GlobalJsonSection
            {
                Path = PathText.Relative(projectDirectory, path),
                Sha256 = Hashing.Sha256File(path),
            };
            using var document = ProjectAssetsReader.ParseJson(path);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("sdk", out var sdk) && sdk.ValueKind == JsonValueKind.Object)
            {
                section.SdkVersion = sdk.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                section.RollForward = sdk.TryGetProperty("rollForward", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            }

            return section;
        }

        return null;
    }
}
