using System;
using System.IO;
using System.Text.Json;
using Repro.Build.IO;

namespace Repro.Build.Manifest;

/// <summary>Reads and writes manifests as indented UTF-8 JSON with LF line ends and a final newline.</summary>
public static class ManifestSerializer
{
    /// <summary>The manifest's bytes. Its maps are first put in ordinal order of their names (the same content).</summary>
    public static byte[] ToUtf8Bytes(ReproManifest manifest)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        // The maps in ordinal order of their names, whatever order they were filled in (see OrdinalMap).
        if (manifest.Environment is { } environment)
        {
            environment.Variables = OrdinalMap.InOrder(environment.Variables);
        }

        if (manifest.Build is { } build)
        {
            build.Properties = OrdinalMap.InOrder(build.Properties);
        }

        return IndentedJson.Write(writer => JsonSerializer.Serialize(writer, manifest, ManifestWriteContext.Default.ReproManifest));
    }

    public static ReproManifest FromUtf8Bytes(byte[] utf8Json)
    {
        return JsonSerializer.Deserialize(utf8Json, ManifestReadContext.Default.ReproManifest)
            ?? throw new InvalidDataException("The manifest is empty (the JSON value is null).");
    }

    public static ReproManifest ReadFile(string path) => FromUtf8Bytes(File.ReadAllBytes(path));
}
