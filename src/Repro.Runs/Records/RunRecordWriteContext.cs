using System.Text.Json.Serialization;

namespace Repro.Runs.Records;

/// <summary>
/// Source-generated writing of run records: key order is the declaration order of the model. Metadata mode (the default):
/// the fast serialization-only path cannot write NaN as text.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunRecord))]
[JsonSerializable(typeof(MetricSummary))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(RunAnnotations))]
internal sealed partial class RunRecordWriteContext : JsonSerializerContext
{
}
