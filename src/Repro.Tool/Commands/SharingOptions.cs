using System.CommandLine;
using System.Text.Json;
using Repro.Runs.Records;
using Repro.Runs.Sharing;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary>What the team commands (runs, push, pull) share: where the runs are, and the JSON of a sync.</summary>
internal static class SharingOptions
{
    public static Option<string?> RunsDirectory() => new("--runs-dir")
    {
        Description = "The runs folder (default: REPRO_RUNS_DIR, else .repro/runs at the top of the git work tree).",
    };

    /// <summary>
    /// The runs folder a reading command lists: the one named by --runs-dir (or REPRO_RUNS_DIR) must exist, since a
    /// mistyped folder would otherwise list nothing and succeed; the default one may not exist yet (no runs).
    /// </summary>
    public static string ExistingRunsDirectory(ParseResult parse, Option<string?> option)
    {
        var named = parse.GetValue(option);
        var directory = RunStore.Locate(System.IO.Directory.GetCurrentDirectory(), named);
        var isExplicit = !string.IsNullOrWhiteSpace(named) || !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(RunStore.EnvironmentVariable));
        if (isExplicit && !System.IO.Directory.Exists(directory))
        {
            var source = string.IsNullOrWhiteSpace(named) ? RunStore.EnvironmentVariable : "--runs-dir";
            throw new Repro.Tool.Input.ToolInputException(Repro.Build.DiagnosticIds.ToolInputMissing,
                $"{source} names {directory}, which is not a folder: give the runs folder (default: .repro/runs at the top of the git work tree).");
        }

        return directory;
    }

    /// <summary>What the store's half of push or pull came to: its outcome, or the one line that stopped it.</summary>
    public sealed record ArtifactsResult(RunArtifacts.Outcome? Outcome, string? Error)
    {
        public bool Failed => Error is not null || Outcome is { NotAvailable: > 0 };
    }

    /// <summary>
    /// Runs the store's half of push or pull after the runs were shared: a failure of the store is one warning line and
    /// exit code 1, never a lost push of the runs.
    /// </summary>
    public static ArtifactsResult Artifacts(ToolConsole console, System.Func<RunArtifacts.Outcome> work)
    {
        try
        {
            var outcome = work();
            if (outcome.NotAvailable > 0)
            {
                console.WriteWarning(Repro.Build.DiagnosticIds.StoreObjectMissing, $"{outcome.NotAvailable} output or data file(s) of the runs are in "
                    + $"neither the cache nor the work tree as the runs recorded them{(outcome.Remote is null ? "" : $", or not on '{outcome.Remote}'")}: "
                    + "dotnet repro data status --run ID names them.");
            }

            return new ArtifactsResult(outcome, null);
        }
        catch (Repro.Tool.Input.ToolInputException ex)
        {
            console.WriteWarning(ex.Code, ex.Message + " The runs themselves were shared.");
            return new ArtifactsResult(null, ex.Message);
        }
    }

    /// <summary>The store's line of the push or pull report.</summary>
    public static void Describe(Report report, ArtifactsResult? artifacts, string verb)
    {
        if (artifacts?.Outcome is not { } outcome)
        {
            return;
        }

        if (outcome.Skipped is { } skipped)
        {
            report.Line(char.ToUpperInvariant(skipped[0]) + skipped[1..] + ".", Tone.Dim);
        }
        else if (outcome.Runs > 0)
        {
            report.Line($"{outcome.Objects} object(s) of {outcome.Runs} run(s) {verb} '{outcome.Remote}' ({Format.Bytes(outcome.Bytes)}).",
                outcome.NotAvailable > 0 ? Tone.Bad : Tone.Good);
        }
    }

    public static void WriteResult(Utf8JsonWriter writer, string command, string runsDirectory, int? saved, SyncResult result, int? written,
        System.Collections.Generic.IReadOnlyList<string> warnings, ArtifactsResult? artifacts = null)
    {
        writer.WriteStartObject();
        writer.WriteString("command", command);
        writer.WriteString("remote", result.Remote);
        writer.WriteString("ref", RunRefStore.LocalRef);
        writer.WriteString("runsDirectory", runsDirectory);
        if (saved is { } count)
        {
            writer.WriteNumber("localRuns", count);
        }

        writer.WriteBoolean("pushed", result.Pushed);
        writer.WriteNumber("newRuns", result.NewRuns);
        writer.WriteNumber("updatedRuns", result.UpdatedRuns);
        if (written is { } files)
        {
            writer.WriteNumber("written", files);
        }

        writer.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        if (artifacts is not null)
        {
            writer.WriteStartObject("artifacts");
            writer.WriteString("remote", artifacts.Outcome?.Remote);
            writer.WriteNumber("runs", artifacts.Outcome?.Runs ?? 0);
            writer.WriteNumber("objects", artifacts.Outcome?.Objects ?? 0);
            writer.WriteNumber("bytes", artifacts.Outcome?.Bytes ?? 0);
            writer.WriteNumber("notAvailable", artifacts.Outcome?.NotAvailable ?? 0);
            writer.WriteString("skipped", artifacts.Outcome?.Skipped);
            writer.WriteString("error", artifacts.Error);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
