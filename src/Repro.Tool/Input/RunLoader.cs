using System.Text.Json;
using Repro.Build;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Runs.Records;
using Repro.Runs.Sharing;

namespace Repro.Tool.Input;

/// <summary>
/// Recognizes a run where a command accepts one: a run.json, a run's folder, or a run id of the runs folder that
/// governs the current folder (<c>.repro/runs</c> at the work tree's root, or <c>REPRO_RUNS_DIR</c>).
/// </summary>
public static class RunLoader
{
    /// <summary>The run the argument names, or null when it names none (then it is a manifest, an assembly or a folder).</summary>
    /// <exception cref="ToolInputException">The argument is the start of several run ids.</exception>
    public static LoadedRun? TryLoad(string argument, string currentDirectory) => TryLoad(argument, currentDirectory, runsDirectory: null);

    /// <summary>
    /// As <see cref="TryLoad(string, string)"/>, with run ids looked up in <paramref name="runsDirectory"/> (null: the
    /// folder that governs <paramref name="currentDirectory"/>). A run is named by its <c>run.json</c>, its folder, its
    /// id, or the start of its id when only one run's id starts so.
    /// </summary>
    public static LoadedRun? TryLoad(string argument, string currentDirectory, string? runsDirectory)
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

        // Not a path: a run id, or the start of one.
        if (!SharedRunNames.IsRunId(argument))
        {
            return null;
        }

        runsDirectory ??= RunStore.Locate(currentDirectory);
        var matches = MatchingIds(runsDirectory, argument);
        if (matches.Count > 1)
        {
            throw new ToolInputException(DiagnosticIds.ToolInputMissing,
                $"'{argument}' is the start of {matches.Count} run ids ({string.Join(", ", matches.Take(3))}{(matches.Count > 3 ? ", …" : "")}): give " +
                    $"more of the run id.");
        }

        return matches.Count == 1 ? Load(RunStore.RecordPath(runsDirectory, matches[0]), argument, runId: matches[0]) : null;
    }

    /// <summary>The run <paramref name="reference"/> names (see <see cref="TryLoad(string, string, string?)"/>); one clear error when none.</summary>
    public static LoadedRun Find(string runsDirectory, string reference) =>
        TryLoad(reference, Directory.GetCurrentDirectory(), runsDirectory)
        ?? throw new ToolInputException(DiagnosticIds.ToolInputMissing,
            $"No run '{reference}' in {runsDirectory}: name a run id (or the start of one) from 'dotnet repro runs', a run folder or a run.json.");

    // A full id is found without listing anything; a prefix lists the folders' names only (no record is read), so that
    // naming runs costs the same among 100 or 100,000 of them.
    private static List<string> MatchingIds(string runsDirectory, string prefix)
    {
        if (File.Exists(RunStore.RecordPath(runsDirectory, prefix)))
        {
            return [prefix];
        }

        if (!Directory.Exists(runsDirectory))
        {
            return [];
        }

        var matches = Directory.EnumerateDirectories(runsDirectory, prefix + "*")
            .Select(folder => Path.GetFileName(folder))
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal) && File.Exists(RunStore.RecordPath(runsDirectory, id)))
            .ToList();
        matches.Sort(StringComparer.Ordinal);
        return matches;
    }

    // The reader's first line, without its own "Not a run record:" (the sentence around it says so already).
    private static string Reason(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.StartsWith("Not a run record: ", StringComparison.Ordinal) ? line.Substring("Not a run record: ".Length) : line;
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
            throw new ToolInputException(DiagnosticIds.ToolInputNotManifest, $"'{argument}' is not a readable run record: {Reason(ex.Message)}");
        }

        if (record.SchemaVersion > RunRecord.CurrentSchemaVersion)
        {
            throw new ToolInputException(DiagnosticIds.ToolSchemaUnsupported,
                $"'{argument}' is a run record of schemaVersion {record.SchemaVersion}; this dotnet-repro reads versions up to " +
                    $"{RunRecord.CurrentSchemaVersion}: update the tool (dotnet tool update dotnet-repro).");
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
