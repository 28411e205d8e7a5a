using System.Text.Json;
using Repro.Tool.Output;

namespace Repro.Tool.Services;

/// <summary>Shows what <see cref="WhichService"/> found.</summary>
public static class WhichPresenter
{
    public static Report Build(string file, string sha256, string runsDirectory, IReadOnlyList<WhichMatch> matches)
    {
        var report = new Report();
        report.Line($"{file} (sha256 {sha256})");
        report.Line(matches.Count == 0
            ? $"No recorded run in {runsDirectory} produced or read this file."
            : $"{matches.Select(m => m.Run.RunId).Distinct().Count()} run(s) in {runsDirectory}:", matches.Count == 0 ? Tone.Bad : Tone.Good);
        foreach (var match in matches)
        {
            var run = match.Run;
            var section = report.Section($"run {run.RunId}{(run.Name is null ? "" : " (" + run.Name + ")")}: {match.Role} as {match.Path}", "key", "value");
            section.Row("status", $"{run.Status}, started {run.StartTime}");
            section.Row("command", string.Join(" ", run.Process.CommandLine));
            if (run.Build is { } build)
            {
                section.Row("build", $"fingerprint {Format.Hash(build.Fingerprint)}, commit " +
                    $"{Format.Short(build.Commit)}{(build.Dirty == true ? " (dirty)" : "")}");
            }

            if (run.Params.Count > 0)
            {
                section.Row("parameters", string.Join(", ", run.Params.Select(p => Format.Long(p.Key) + "=" + Format.Long(p.Value))));
            }

            if (run.Metrics.Count > 0)
            {
                section.Row("metrics", string.Join(", ", run.Metrics.Select(m => Format.Long(m.Key) + "=" + Format.Number(m.Value.Last))));
            }

            section.Row("record", match.RecordPath);
        }

        return report;
    }

    public static void WriteJson(Utf8JsonWriter json, string file, string sha256, string runsDirectory, IReadOnlyList<WhichMatch> matches)
    {
        json.WriteStartObject();
        json.WriteString("file", file);
        json.WriteString("sha256", sha256);
        json.WriteString("runsDirectory", runsDirectory);
        json.WriteStartArray("matches");
        foreach (var match in matches)
        {
            var run = match.Run;
            json.WriteStartObject();
            json.WriteString("runId", run.RunId);
            json.WriteString("name", run.Name);
            json.WriteString("status", run.Status);
            json.WriteString("startTime", run.StartTime);
            json.WriteString("role", match.Role);
            json.WriteString("path", match.Path);
            json.WriteString("record", match.RecordPath);
            json.WriteStartObject("build");
            json.WriteString("fingerprint", run.Build?.Fingerprint);
            json.WriteString("commit", run.Build?.Commit);
            JsonFields.Boolean(json, "dirty", run.Build?.Dirty);

            json.WriteEndObject();
            json.WriteStartObject("params");
            foreach (var (name, value) in run.Params)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
