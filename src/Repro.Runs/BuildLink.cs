using System;
using System.IO;
using System.Reflection;
using System.Text.Json;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Runs.Records;

namespace Repro.Runs;

/// <summary>
/// The build an assembly came from: the manifest Repro.Build embeds (<c>Repro.Manifest.json</c>), and the full manifest
/// beside the assembly (<c>&lt;name&gt;.repro.json</c>, with each data file's hash) when it belongs to the same build.
/// </summary>
internal sealed class BuildLink
{
    private BuildLink(string assemblyName, ReproManifest embedded, JsonElement embeddedJson, ReproManifest? full, string? folder = null)
    {
        AssemblyName = assemblyName;
        Folder = folder;
        Embedded = embedded;
        EmbeddedJson = embeddedJson;
        Full = full;
    }

    public string AssemblyName { get; }

    /// <summary>The folder of the assembly, where the build wrote its manifest file and patch; null when unknown.</summary>
    public string? Folder { get; }

    public ReproManifest Embedded { get; }

    public JsonElement EmbeddedJson { get; }

    /// <summary>The manifest file beside the assembly, when its fingerprint is the embedded one's; else null.</summary>
    public ReproManifest? Full { get; }

    /// <summary>Null when the assembly has no embedded manifest. Throws on a malformed one (a read failure).</summary>
    public static BuildLink? Read(Assembly assembly)
    {
        byte[] bytes;
        using (var stream = assembly.GetManifestResourceStream(BuildInfoSourceWriter.ResourceName))
        {
            if (stream is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        // The build names its manifest and patch after the assembly's file ($(TargetName)); a single-file app has no
        // file of its own: then the assembly's name, which is the same unless someone renamed the file.
        var name = assembly.Location is { Length: > 0 } location ? BuildOutputFiles.TargetNameOf(location) : assembly.GetName().Name ?? "";
        var embedded = ManifestSerializer.FromUtf8Bytes(bytes);
        var folder = AssemblyFolder(assembly);
        return From(name, bytes, ReadFull(folder, name, embedded.Fingerprint), folder);
    }

    /// <summary>A link from the embedded manifest's bytes and the full manifest (already matched), for tests.</summary>
    internal static BuildLink From(string assemblyName, byte[] embeddedJson, ReproManifest? full, string? folder = null)
    {
        using var document = JsonDocument.Parse(embeddedJson);
        return new BuildLink(assemblyName, ManifestSerializer.FromUtf8Bytes(embeddedJson), document.RootElement.Clone(), full, folder);
    }

    /// <summary>
    /// The build's patch of uncommitted changes (<c>&lt;name&gt;.repro.patch</c> beside the assembly), when the build was
    /// dirty and the file there is the one the build hashed (its SHA-256 is the embedded <c>patchSha256</c>); else null.
    /// </summary>
    public byte[]? ReadPatch()
    {
        var expected = Embedded.Git?.PatchSha256;
        if (Folder is null || Embedded.Git?.Dirty != true || string.IsNullOrEmpty(expected))
        {
            return null;
        }

        return BuildOutputFiles.ReadPatch(BuildOutputFiles.PatchPath(Folder, AssemblyName, Full?.Git?.Patch), expected!);
    }

    public RunBuildSection ToSection() => new()
    {
        Assembly = AssemblyName,
        Fingerprint = Embedded.Fingerprint,
        Commit = Embedded.Git?.Commit,
        Branch = Full?.Git?.Branch ?? Embedded.Git?.Branch,
        Dirty = Embedded.Git?.Dirty,
        PatchSha256 = Embedded.Git?.PatchSha256,
        Seed = Embedded.Seed,
        Manifest = EmbeddedJson,
    };

    private static ReproManifest? ReadFull(string? folder, string name, string? fingerprint)
    {
        if (folder is null || fingerprint is null)
        {
            return null;
        }

        var path = BuildOutputFiles.ManifestPath(folder, name);
        try
        {
            if (FileProbe.Inspect(path) != FileKind.Regular)
            {
                return null;
            }

            var full = ManifestSerializer.FromUtf8Bytes(FileProbe.ReadAllBytes(path, BuildOutputFiles.MaxBytes));
            return string.Equals(full.Fingerprint, fingerprint, StringComparison.Ordinal) ? full : null;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return null; // only a help to name changed files
        }
    }

    /// <summary>The folder the assembly was loaded from, or the app's base folder for single-file apps.</summary>
    public static string? AssemblyFolder(Assembly assembly)
    {
        var location = assembly.IsDynamic ? "" : assembly.Location;
        return location.Length > 0 ? Path.GetDirectoryName(location) : AppContext.BaseDirectory;
    }
}
