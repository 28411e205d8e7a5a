using System.Text.Json.Serialization;

namespace Repro.Runs.Records;

/// <summary>Source-generated reading of run records, for the tool and the tests.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunRecord))]
[JsonSerializable(typeof(MetricSummary))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(RunAnnotations))]
internal sealed partial class RunRecordReadContext : JsonSerializerContext
{
}
