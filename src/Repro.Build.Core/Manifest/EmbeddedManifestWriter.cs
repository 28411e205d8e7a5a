using Repro.Build.IO;

namespace Repro.Build.Manifest;

/// <summary>
/// The part of the manifest that goes into the assembly: the fields marked <see cref="ManifestPart.Embedded"/> (what
/// decides the model, and nothing that varies from machine to machine or clone to clone), indented, LF line ends.
/// </summary>
public static class EmbeddedManifestWriter
{
    public static byte[] ToUtf8Bytes(ReproManifest manifest)
    {
        return IndentedJson.Write(writer => ManifestProjection.Write(writer, manifest, ManifestPart.Embedded));
    }
}
