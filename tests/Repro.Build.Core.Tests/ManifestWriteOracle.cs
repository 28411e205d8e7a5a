using System.Text.Json.Serialization;
using Repro.Build.Manifest;

namespace Repro.Build.Core.Tests;

/// <summary>
/// What System.Text.Json writes for the manifest model with the options the manifest format was defined by (camelCase,
/// declaration order, nulls written): the oracle <see cref="ManifestSerializer.ToUtf8Bytes"/> is held to, since the
/// readers (the tool, Repro.Runs) read manifests with System.Text.Json.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReproManifest))]
internal sealed partial class ManifestWriteOracle : JsonSerializerContext
{
}
