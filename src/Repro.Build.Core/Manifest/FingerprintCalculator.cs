using System.IO;
using System.Text.Json;
using Repro.Build.IO;

namespace Repro.Build.Manifest;

/// <summary>
/// Sums up every input that decides the model in one hash: the SHA-256 of the compact JSON of the fields marked
/// <see cref="ManifestPart.Fingerprint"/> (docs/manifest.md lists them). Nothing volatile is marked: no times, host,
/// absolute paths, branch, tags or environment.
/// </summary>
public static class FingerprintCalculator
{
    public static string Compute(ReproManifest manifest)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ManifestProjection.Write(writer, manifest, ManifestPart.Fingerprint);
        }

        return "sha256:" + Hashing.Sha256Hex(stream.ToArray());
    }
}
