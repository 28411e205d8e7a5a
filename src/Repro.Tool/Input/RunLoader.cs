using System;
using System.IO;
using System.Text.Json;
using Repro.Build;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Build.Runs;

namespace Repro.Tool.Input;

/// <summary>
/// Recognizes a run where a command accepts one: a run.json, a run's folder, or a run id of the runs folder that
/// governs the current folder (<c>.repro/runs</c> at the work tree's root, or <c>REPRO_RUNS_DIR</c>).
/// </summary>
public static class RunLoader
{
    /// <summary>The run the argument names, or null when it names none (then it is a manifest, an assembly or a folder).</summary>
    public static LoadedRun? TryLoad(string argument, string currentDirectory)
    {
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(currentDirectory, argument));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        if (Directory.Exists(full))
        {
            var record = Path.Combine(full, RunRecordSerializer.FileName);
            return File.Exists(record) ? Load(record, argument) : null;
        }

        if (File.Exists(full))
        {
            return IsRunRecord(full) ? Load(full, argument) : null;
        }

        // Not a path: a run id.
        if (argument.IndexOfAny(new[] { '/', '\\' }) >= 0)
        {
            return null;
        }

        var byId = RunStore.RecordPath(RunStore.Locate(currentDirectory), argument);
        return File.Exists(byId) ? Load(byId, argument, runId: argument) : null;
    }

    private static bool IsRunRecord(string path)
    {
        if (string.Equals(Path.GetFileName(path), RunRecordSerializer.FileName, StringComparison.Ordinal))
        {
            return true;
        }

        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(BuildOutputFiles.ManifestSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Another name: a run record has a runId, a manifest a fingerprint.
        try
        {
            using var document = JsonDocument.Parse(FileProbe.ReadAllBytes(path, ManifestLoader.MaxManifestBytes));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("runId", out _);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return false;
        }
    }

    /// <param name="runId">The run id the run was named by, when it was: its record must carry it (see <see cref="Services.RunListing"/>).</param>
    internal static LoadedRun Load(string path, string argument, string? runId = null)
    {
        RunRecord record;
        try
        {
            record = RunRecordSerializer.ReadFile(path);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            throw new ToolInputException(DiagnosticIds.ToolInputNotManifest, $"'{argument}' is not a readable run record: {ex.Message.Split('\n')[0].Trim()}");
        }

        if (record.SchemaVersion > RunRecord.CurrentSchemaVersion)
        {
            throw new ToolInputException(DiagnosticIds.ToolSchemaUnsupported,
                $"'{argument}' is a run record of schemaVersion {record.SchemaVersion}; this dotnet-repro reads versions up to {RunRecord.CurrentSchemaVersion}: update the tool (dotnet tool update dotnet-repro).");
        }

        string? claimed = null;
        if (runId is not null && !string.Equals(record.RunId, runId, StringComparison.Ordinal))
        {
            claimed = record.RunId;
            record.RunId = runId;
        }

        var full = Path.GetFullPath(path);
        return new LoadedRun(record, full)
        {
            MetricsDerived = Services.RunMetrics.DeriveIfBehind(record.Status, record.Metrics, Path.GetDirectoryName(full)!),
            ClaimedRunId = claimed,
        };
    }
}
