using System.Text.Json.Serialization;

namespace Repro.Build.Manifest;

/// <summary>Source-generated reading of manifests, for tools; the build itself only writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReproManifest))]
internal sealed partial class ManifestReadContext : JsonSerializerContext
{
}
