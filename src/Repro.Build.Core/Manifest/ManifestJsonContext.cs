using System.Text.Json.Serialization;

namespace Repro.Build.Manifest;

/// <summary>
/// Source-generated serialization: key order is the declaration order of the model, so the file is stable
/// from one build to the next and across machines.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReproManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext
{
}
