using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro compare RUN RUN...</c>: runs side by side, only what differs by default.</summary>
internal static class CompareCommand
{
    public static Command Create(ToolConsole console)
    {
        var runs = new Argument<string[]>("runs")
        {
            Description = "Two or more runs: run ids (or their first characters, as 'runs' lists them), run " +
            "folders or run.json files.",
            Arity = new ArgumentArity(2, 64)
        };
        var runsDirectory = SharingOptions.RunsDirectory();
        var all = CommonOptions.All("Show the keys on which the runs agree too.");
        var json = CommonOptions.Json();
        var command = new Command("compare",
            "Parameters, metrics, build, data, inputs, outputs and machine of runs side by side; only the rows where they differ unless --all. Exit " +
                "code 1 when they differ.")
        {
            runs, runsDirectory, all, json,
        };
        command.SetAction(parse =>
        {
            var directory = SharingOptions.ExistingRunsDirectory(parse, runsDirectory);
            var loaded = parse.GetValue(runs)!.Select(r => RunComparison.Load(directory, r)).ToList();
            var comparison = RunComparison.Compare(loaded.Select(l => l.Record).ToList(), loaded.Select(l => Path.GetDirectoryName(l.Path)).ToList(),
                loaded.Select(l => l.Annotations).ToList());
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
                    report.Line($"{run.Record.RunId}: its record claims to be run '{Format.Long(run.ClaimedRunId!)}'; it is compared under its " +
                        $"folder's name.", Tone.Bad);
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

            var numeric = title.StartsWith("Metrics (last", StringComparison.Ordinal);
            var section = report.Section(title, numeric ? columns.Append("change (last − first)").ToArray() : columns);
            foreach (var (key, values) in shown)
            {
                var cells = new[] { Format.Long(key) }.Concat(numeric ? Numbers(values) : values.Select(v => Shorten(v ?? "—")));
                section.Row(RunComparison.IsDifferent(values) ? Tone.Added : Tone.Dim, (numeric ? cells.Append(Change(values)) : cells).ToArray());
            }

            if (title == "Outputs")
            {
                section.Line(comparison.OutputsByContent
                    ? "Compared by content: a zip-based model's entries and their hashes, not its entry times."
                    : "Compared by file hash: a run recorded no content hash (Repro.Runs before contentSha256).", Tone.Dim);
            }
        }

        return report;
    }

    // Every SHA-256 in a value (alone, after "sha256:", or followed by a state) to 12 characters, and any other long value
    // (a 10 MB parameter) to a table cell's width; --json has them whole.
    private static string Shorten(string value) =>
        Format.Long(Sha256.Replace(value, m => m.Groups[1].Value.Substring(0, 12) + "…"));

    private static readonly Regex Sha256 = new("(?:sha256:)?\\b([0-9a-f]{64})\\b", RegexOptions.CultureInvariant);

    // As few significant digits as show the values apart (6 when they agree to 6), as `git diff --stat` keeps numbers short.
    private static IEnumerable<string> Numbers(string?[] values)
    {
        var parsed = values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null).ToArray();
        var distinct = parsed.OfType<double>().Distinct().Count();
        var digits = 6;
        while (digits < 17 && parsed.OfType<double>().Select(d => d.ToString("G" + digits, CultureInfo.InvariantCulture)).Distinct().Count() < distinct)
        {
            digits++;
        }

        return parsed.Select((d, i) => d is { } number ? number.ToString("G" + digits, CultureInfo.InvariantCulture) : values[i] ?? "—");
    }

    private static string Change(string?[] values)
    {
        if (values.Length < 2 || !double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var first)
            || !double.TryParse(values[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var last))
        {
            return "";
        }

        var delta = last - first;
        var relative = first != 0 && double.IsFinite(delta) ? string.Create(CultureInfo.InvariantCulture,
            $" ({delta / Math.Abs(first):+0.##%;-0.##%;0%})") : "";
        return (delta >= 0 ? "+" : "") + delta.ToString("G4", CultureInfo.InvariantCulture) + relative;
    }

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

        // The system series as numbers too (the section "system" has them as text): per key, per run, null when absent.
        writer.WriteStartObject("system");
        var shown = comparison.Sections.Single(s => s.Id == "system").Rows.Where(r => all || RunComparison.IsDifferent(r.Values)).Select(r => r.Key);
        foreach (var key in shown)
        {
            var series = comparison.SystemMetrics[key];
            writer.WriteStartArray(key);
            foreach (var run in series)
            {
                if (run is null)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                Number(writer, "min", run.Min);
                JsonFields.Number(writer, "mean", run.Mean);

                writer.WriteBoolean("meanIsApproximate", run.MeanIsApproximate);
                Number(writer, "max", run.Max);
                Number(writer, "last", run.Last);
                writer.WriteNumber("count", run.Count);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // NaN and infinities as the strings run.json has for them.
    private static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
