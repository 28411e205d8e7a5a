using System.CommandLine;
using System.Text;
using Repro.Build;
using Repro.Build.IO;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro report [-o report.html]</c>: the runs as one self-contained HTML page.</summary>
internal static class ReportCommand
{
    public static Command Create(ToolConsole console)
    {
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write.", DefaultValueFactory = _ => "repro-report.html" };
        var runsDirectory = SharingOptions.RunsDirectory();
        var detailed = new Option<int>("--charts")
        {
            Description = "How many runs (the most recent) get metric charts, the parameters-against-a-metric " +
            "view, comparison and lineage.",
            DefaultValueFactory = _ => 20
        };
        var status = new Option<string[]>("--status") { Description = "Only runs with this status (repeatable)." };
        var param = new Option<string[]>("--param") { Description = "Only runs whose parameter has this value: key=value (repeatable)." };
        var tag = new Option<string[]>("--tag") { Description = "Only runs with this tag: key=value, or key for any value (repeatable)." };
        var limit = new Option<int>("--limit")
        {
            Description = "The most recent runs the table shows (default 500); the page says how many more " +
            "matched.",
            DefaultValueFactory = _ => 500
        };
        var metric = new Option<string?>("--metric") { Description = "The metric the parameters view opens with (default: the one most runs logged)." };
        var json = CommonOptions.Json();
        var command = new Command("report",
            "Write one self-contained HTML file (no network, no CDN): the runs table, metric curves over steps and bars of single values, parameters " +
                "against a metric (parallel coordinates), parameter and metric comparison, each run's lineage (steps, inputs, outputs) and build.")
        {
            output, runsDirectory, detailed, status, param, tag, limit, metric, json,
        };
        command.SetAction(parse =>
        {
            var directory = SharingOptions.ExistingRunsDirectory(parse, runsDirectory);
            var query = new RunQuery { Sort = "start", Descending = true };
            query.Statuses.AddRange(parse.GetValue(status) ?? Array.Empty<string>());
            query.Params.AddRange(parse.GetValue(param) ?? Array.Empty<string>());
            query.Tags.AddRange(parse.GetValue(tag) ?? Array.Empty<string>());
            if (parse.GetValue(limit) < 1)
            {
                throw new ToolInputException(DiagnosticIds.ToolUsage, $"--limit {parse.GetValue(limit)} shows no run; give a positive number (default 500).");
            }

            // A page of every run ever made helps nobody (and 100,000 rows are 60 MB): the most recent, with the count of the rest.
            query.Limit = parse.GetValue(limit);
            var loaded = RunCatalog.Load(directory, DateTimeOffset.UtcNow, query, out var unreadable, out var total);
            var matching = query.IndexOrder is null ? query.CountMatching(loaded) : total;
            var runs = query.Apply(loaded);
            var html = HtmlReport.Build(runs, Math.Max(0, parse.GetValue(detailed)), matching, parse.GetValue(metric));
            var path = Path.GetFullPath(parse.GetValue(output)!);
            try
            {
                AtomicFile.WriteIfChanged(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html));
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                throw new ToolInputException(DiagnosticIds.ToolOutputNotWritten, $"The report could not be written to {path}: {ex.Message}", ex);
            }

            if (parse.GetValue(json))
            {
                console.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("output", path);
                    writer.WriteString("runsDirectory", directory);
                    writer.WriteNumber("runs", runs.Count);
                    writer.WriteNumber("matching", matching);
                    writer.WriteNumber("detailed", Math.Min(runs.Count, parse.GetValue(detailed)));
                    JsonFields.UnreadableRuns(writer, unreadable);
                    writer.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            var report = new Report().Line($"Wrote {path} ({runs.Count} run(s){(matching > runs.Count ? $", the most recent of {matching}" : "")}, " +
                $"charts for {Math.Min(runs.Count, parse.GetValue(detailed))}).", Tone.Good);
            if (unreadable.Count > 0)
            {
                report.Line(RunCatalog.DescribeUnreadable(unreadable), Tone.Bad);
            }

            console.Write(report);
            return ExitCodes.Ok;
        });
        return command;
    }
}
