using System;
using System.Linq;
using System.Text.Json;
using Repro.Runs.Records;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

/// <summary>
/// The run record is one model: a field added to <see cref="RunRecord"/> reaches `show --json` (the record serialized
/// whole), `diff` (the flattener walks the model's properties) and the listing's projection check without code of its own.
/// </summary>
public sealed class RunModelTests
{
    [Fact]
    public void Every_key_of_a_record_reaches_diff_and_show_without_code_for_it()
    {
        var run = Manifests.SampleRun();
        run.Failure = new RunFailure { Type = "InvalidOperationException", Message = "boom" };
        run.Signal = "SIGTERM";
        run.ExitCode = 143;
        run.Seeds["build"] = "42";
        run.Params["learningRate"] = "0.01";
        run.Metrics["loss"] = new MetricSummary { Last = 0.5, Step = 3, Min = 0.5, Max = 1, Count = 4 };
        run.Share = new RunShareSection { Remote = "origin", IntervalSeconds = 120 };
        run.Diagnostics.Add(new RunDiagnostic { Id = "REPRO401", Message = "m", File = "data/" });

        using var document = JsonDocument.Parse(RunRecordSerializer.ToUtf8Bytes(run));
        var flattened = ManifestFlattener.Flatten(run).Select(k => k.Path).ToList();
        using var shown = JsonDocument.Parse(RunRecordSerializer.ToUtf8Bytes(RunRecordSerializer.FromUtf8Bytes(RunRecordSerializer.ToUtf8Bytes(run))));

        foreach (var property in document.RootElement.EnumerateObject())
        {
            Assert.True(flattened.Any(p => p == property.Name || p.StartsWith(property.Name + ".", StringComparison.Ordinal) || p.StartsWith(property.Name + "[", StringComparison.Ordinal)),
                $"'{property.Name}' of run.json is not compared by diff");
            Assert.True(shown.RootElement.TryGetProperty(property.Name, out var again) && again.GetRawText() == property.Value.GetRawText(),
                $"'{property.Name}' does not survive a read and a write");
        }
    }
}
