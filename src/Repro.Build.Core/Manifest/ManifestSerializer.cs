using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Repro.Build.Manifest;

/// <summary>Reads and writes manifests as indented UTF-8 JSON with LF line ends and a final newline.</summary>
public static class ManifestSerializer
{
    public static byte[] ToUtf8Bytes(ReproManifest manifest)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        // The manifest is a file for people and tools, never embedded in HTML: keep '<', '>' and '+' readable.
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, manifest, ManifestWriteContext.Default.ReproManifest);
        }

        // The writer uses Environment.NewLine; normalize so the bytes are the same on every OS.
        var json = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(json);
    }

    public static ReproManifest FromUtf8Bytes(byte[] utf8Json)
    {
        return JsonSerializer.Deserialize(utf8Json, ManifestReadContext.Default.ReproManifest)
            ?? throw new InvalidDataException("The manifest is empty (the JSON value is null).");
    }

    public static ReproManifest ReadFile(string path) => FromUtf8Bytes(File.ReadAllBytes(path));
}
