using System.Text.Json.Serialization;

namespace Repro.Build.Store;

/// <summary>
/// Source-generated reading and writing of <see cref="StoreConfig"/>. Unknown keys are refused rather than kept: a key
/// this version does not know would otherwise be ignored silently (a mistyped <c>pathstyle</c>), and a credential pasted
/// under a key of its own would be kept and committed.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(StoreConfig))]
internal sealed partial class StoreConfigContext : JsonSerializerContext
{
}
