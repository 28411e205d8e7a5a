using System.CommandLine;
using System.Text.Json;
using Repro.Build.Sharing;

namespace Repro.Tool.Commands;

/// <summary>What the team commands (runs, push, pull) share: where the runs are, and the JSON of a sync.</summary>
internal static class SharingOptions
{
    public static Option<string?> RunsDirectory() => new("--runs-dir")
    {
        Description = "The runs folder (default: REPRO_RUNS_DIR, else .repro/runs at the top of the git work tree).",
    };

    public static void WriteResult(Utf8JsonWriter writer, string command, string runsDirectory, int? saved, SyncResult result, int? written, System.Collections.Generic.IReadOnlyList<string> warnings)
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
