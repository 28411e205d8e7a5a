using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Repro.Build.Runs;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro compare RUN RUN...</c>: runs side by side, only what differs by default.</summary>
internal static class CompareCommand
{
    public static Command Create(ToolConsole console)
    {
        var runs = new Argument<string[]>("runs") { Description = "Two or more runs: run ids (or their first characters, as 'runs' lists them), run folders or run.json files.", Arity = new ArgumentArity(2, 64) };
        var runsDirectory = SharingOptions.RunsDirectory();
        var all = CommonOptions.All("Show the keys on which the runs agree too.");
        var json = CommonOptions.Json();
        var command = new Command("compare", "Parameters, metrics, build, data, inputs, outputs and machine of runs side by side; only the rows where they differ unless --all. Exit code 1 when they differ.")
        {
            runs, runsDirectory, all, json,
        };
        command.SetAction(parse =>
        {
            var directory = RunStore.Locate(Directory.GetCurrentDirectory(), parse.GetValue(runsDirectory));
            var loaded = parse.GetValue(runs)!.Select(r => RunComparison.Load(directory, r)).ToList();
            var comparison = RunComparison.Compare(loaded.Select(l => l.Record).ToList(), loaded.Select(l => Path.GetDirectoryName(l.Path)).ToList());
            var showAll = parse.GetValue(all);
            if (parse.GetValue(json))
            {
                console.WriteJson(writer => WriteJson(writer, comparison, showAll));
            }
            else
            {
                var report = BuildReport(comparison, showAll);
                foreach (var run in loaded.Where(l => l.ClaimedRunId is not null))
                {
                    report.Line($"{run.Record.RunId}: its record claims to be run '{Format.Long(run.ClaimedRunId!)}'; it is compared under its folder's name.", Tone.Bad);
                }

                foreach (var run in loaded.Where(l => l.MetricsDerived))
                {
                    report.Line($"{run.Record.RunId}: metrics read from metrics.jsonl (the run stopped without writing its final summaries).", Tone.Dim);
                }

                console.Write(report);
            }

            return comparison.Differs ? ExitCodes.Differs : ExitCodes.Ok;
        });
        return command;
    }

    private static Report BuildReport(RunComparison comparison, bool all)
    {
        var report = new Report();
        report.Line(comparison.Differs
            ? $"The {comparison.Runs.Count} runs differ" + (all ? "" : " (only the differing rows; --all for every row):")
            : $"The {comparison.Runs.Count} runs agree on everything compared.", comparison.Differs ? Tone.Bad : Tone.Good);
        var columns = new[] { "key" }.Concat(comparison.Runs.Select(r => r.RunId)).ToArray();
        foreach (var (_, title, rows) in comparison.Sections)
        {
            var shown = rows.Where(r => all || RunComparison.IsDifferent(r.Values)).ToList();
            if (shown.Count == 0)
            {
                continue;
            }

            var section = report.Section(title, columns);
            foreach (var (key, values) in shown)
            {
                section.Row(RunComparison.IsDifferent(values) ? Tone.Added : Tone.Dim, new[] { Format.Long(key) }.Concat(values.Select(v => Shorten(v ?? "—"))).ToArray());
            }
        }

        return report;
    }

    // Hashes to 12 characters, any other long value (a 10 MB parameter) to a table cell's width; --json has them whole.
    private static string Shorten(string value) =>
        value.Length == 64 && value.All(char.IsAsciiHexDigitLower) ? value.Substring(0, 12) + "…"
        : value.StartsWith("sha256:", System.StringComparison.Ordinal) && value.Length == 71 ? value.Substring(7, 12) + "…"
        : Format.Long(value);

    private static void WriteJson(Utf8JsonWriter writer, RunComparison comparison, bool all)
    {
        writer.WriteStartObject();
        JsonFields.Strings(writer, "runs", comparison.Runs.Select(r => r.RunId));
        writer.WriteBoolean("differs", comparison.Differs);
        writer.WriteStartObject("sections");
        foreach (var (id, _, rows) in comparison.Sections)
        {
            writer.WriteStartObject(id);
            foreach (var (key, values) in rows.Where(r => all || RunComparison.IsDifferent(r.Values)))
            {
                writer.WriteStartArray(key);
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
