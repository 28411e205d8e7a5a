using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Repro.Build;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// What both export formats describe besides the manifest: the built assembly (beside the manifest, or the assembly
/// read), the trained model when named, and the manifest file's own hash. Hex digests throughout.
/// </summary>
public sealed class ExportInputs
{
    private ExportInputs(LoadedManifest loaded, ExportedFile? assembly, ExportedFile? model, ExportedFile? manifestFile)
    {
        Loaded = loaded;
        Assembly = assembly;
        Model = model;
        ManifestFile = manifestFile;
    }

    public LoadedManifest Loaded { get; }

    public ReproManifest Manifest => Loaded.Manifest;

    public ExportedFile? Assembly { get; }

    public ExportedFile? Model { get; }

    public ExportedFile? ManifestFile { get; }

    /// <summary>The tool's version as its package has it (no build metadata: exports of one input stay identical across rebuilds of one version).</summary>
    public static string ToolVersion
    {
        get
        {
            var version = typeof(ExportInputs).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+');
            return plus >= 0 ? version.Substring(0, plus) : version;
        }
    }

    public static ExportInputs Gather(LoadedManifest loaded, string? modelPath)
    {
        ExportedFile? assembly = null;
        ExportedFile? manifestFile = null;
        if (loaded.Origin == ManifestOrigin.Assembly)
        {
            assembly = Hash(loaded.Path, required: true);
        }
        else
        {
            manifestFile = Hash(loaded.Path, required: true);
            var directory = Path.GetDirectoryName(loaded.Path)!;
            foreach (var extension in new[] { ".dll", ".exe" })
            {
                if (loaded.Manifest.Project.Name is { Length: > 0 } name && Hash(Path.Combine(directory, name + extension), required: false) is { } found)
                {
                    assembly = found;
                    break;
                }
            }
        }

        var model = modelPath is null ? null : Hash(Path.GetFullPath(modelPath), required: true);
        return new ExportInputs(loaded, assembly, model, manifestFile);
    }

    /// <summary>The CycloneDX and SLSA form of a NuGet content hash: the base64 SHA-512 as lower-case hex.</summary>
    public static string? Sha512Hex(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }

        try
        {
            return Hashing.ToHex(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Purl(PackageEntry package) => $"pkg:nuget/{Uri.EscapeDataString(package.Id)}@{Uri.EscapeDataString(package.Version)}";

    /// <summary>A version-5-style UUID from a hash of the input, so that repeated exports are byte-identical.</summary>
    public static string StableUuid(byte[] content)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        var hash = sha.ComputeHash(content);
        hash[6] = (byte)((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        var hex = Hashing.ToHex(hash);
        return $"{hex.Substring(0, 8)}-{hex.Substring(8, 4)}-{hex.Substring(12, 4)}-{hex.Substring(16, 4)}-{hex.Substring(20, 12)}";
    }

    private static ExportedFile? Hash(string path, bool required)
    {
        if (FileProbe.Inspect(path) != FileKind.Regular)
        {
            return required
                ? throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{path}' does not exist or is not a regular file.")
                : null;
        }

        try
        {
            return new ExportedFile(Path.GetFileName(path), Repro.Build.Data.StreamHasher.Sha256File(path), new FileInfo(path).Length);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{path}' could not be read: {ex.Message}");
        }
    }
}
