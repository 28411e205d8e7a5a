using System.CommandLine;
using System.Text.Json;
using Repro.Runs.Records;
using Repro.Runs.Sharing;

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

    public static void WriteResult(Utf8JsonWriter writer, string command, string runsDirectory, int? saved, SyncResult result, int? written,
        System.Collections.Generic.IReadOnlyList<string> warnings)
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

        writer.WriteEndObject();
    }
}
