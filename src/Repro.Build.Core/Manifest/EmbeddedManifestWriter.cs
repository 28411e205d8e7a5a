using System.IO;
using System.Text;
using System.Text.Json;

namespace Repro.Build.Manifest;

/// <summary>
/// The part of the manifest that goes into the assembly: the fields marked <see cref="ManifestPart.Embedded"/> (what
/// decides the model, and nothing that varies from machine to machine or clone to clone), indented, LF line ends.
/// </summary>
public static class EmbeddedManifestWriter
{
    public static byte[] ToUtf8Bytes(ReproManifest manifest)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ManifestProjection.Write(writer, manifest, ManifestPart.Embedded);
        }

        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n");
    }
}
