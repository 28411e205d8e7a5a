using System;
using System.IO;
using System.Text.Json;
using Repro.Build.IO;

namespace Repro.Build.Manifest;

/// <summary>Reads and writes manifests as indented UTF-8 JSON with LF line ends and a final newline.</summary>
public static class ManifestSerializer
{
    /// <summary>
    /// The manifest's bytes: keys in camelCase and declaration order, maps in ordinal order of their names (whatever
    /// order they were filled in), nulls written. Written by <see cref="ManifestProjection.WriteWhole"/>; a test holds
    /// it to what System.Text.Json writes for the same model, which reads it back.
    /// </summary>
    public static byte[] ToUtf8Bytes(ReproManifest manifest)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        return IndentedJson.Write(writer => ManifestProjection.WriteWhole(writer, manifest));
    }

    public static ReproManifest FromUtf8Bytes(byte[] utf8Json)
    {
        return JsonSerializer.Deserialize(utf8Json, ManifestReadContext.Default.ReproManifest)
            ?? throw new InvalidDataException("The manifest is empty (the JSON value is null).");
    }

    public static ReproManifest ReadFile(string path) => FromUtf8Bytes(File.ReadAllBytes(path));
}
