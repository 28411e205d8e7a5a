using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Toolchain;

/// <summary>Reads the versions of the tools that build the project.</summary>
public static class ToolchainReader
{
    /// <summary>A global.json names an SDK and a few MSBuild SDKs; anything this large is not one.</summary>
    private const long MaxGlobalJsonBytes = 1024 * 1024;

    /// <summary>The product version of the compiler in <c>$(RoslynTargetsPath)</c> (the SDK's, or Microsoft.Net.Compilers.Toolset's).</summary>
    public static string? ReadCompilerVersion(string? roslynDirectory)
    {
        if (string.IsNullOrEmpty(roslynDirectory))
        {
            return null;
        }

        foreach (var candidate in new[] { Path.Combine(roslynDirectory, "bincore", "Microsoft.CodeAnalysis.dll"), Path.Combine(roslynDirectory,
            "Microsoft.CodeAnalysis.dll") })
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
    /// <exception cref="InvalidDataException">
    /// The file is not valid (larger than 1 MiB, not UTF-8 JSON, a key twice, <c>sdk</c> not an object or its
    /// <c>version</c> or <c>rollForward</c> not a string); the message names the file and the place.
    /// </exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static GlobalJsonSection? ReadGlobalJson(string projectDirectory)
    {
        for (var directory = new DirectoryInfo(projectDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "global.json");
            if (!File.Exists(path))
            {
                continue;
            }

            using var file = JsonInputFile.Read(path, MaxGlobalJsonBytes);
            var sdk = file.OptionalObject(file.RequireObject(file.Root, ""), "sdk", "");
            return new GlobalJsonSection
            {
                Path = PathText.Relative(projectDirectory, path),
                Sha256 = Hashing.Sha256File(path),
                SdkVersion = sdk is { } s ? file.OptionalString(s, "version", "sdk") : null,
                RollForward = sdk is { } r ? file.OptionalString(r, "rollForward", "sdk") : null,
            };
        }

        return null;
    }
}
