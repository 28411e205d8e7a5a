using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Repro.Build;
using Repro.Runs.Records;
using Repro.Runs.Sharing;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro runs</c>: list, filter, sort and group the runs of this clone and of the team.</summary>
internal static class RunsCommand
{
    public static Command Create(ToolConsole console)
    {
        var runsDirectory = SharingOptions.RunsDirectory();
        var active = new Option<bool>("--active")
        {
            Description = "Only runs in progress (a run whose heartbeat stopped more than a minute ago shows " +
            "as crashed instead)."
        };
        var status = new Option<string[]>("--status")
        {
            Description = "Only runs with this status: running, finished, failed, killed, crashed " +
            "(repeatable).",
            AllowMultipleArgumentsPerToken = true
        };
        var param = new Option<string[]>("--param") { Description = "Only runs whose parameter has this value: key=value (repeatable)." };
        var tag = new Option<string[]>("--tag") { Description = "Only runs with this tag: key=value, or key for any value (repeatable; runs tag sets them)." };
        var metric = new Option<string[]>("--metric")
        {
            Description = "Only runs whose metric's last value passes: \"accuracy>=0.9\" (>, >=, <, <=, =, " +
            "!=; repeatable)."
        };
        var fingerprint = new Option<string?>("--fingerprint") { Description = "Only runs of builds whose fingerprint starts with this." };
        var commit = new Option<string?>("--commit") { Description = "Only runs of builds whose commit starts with this." };
        var branch = new Option<string?>("--branch") { Description = "Only runs of builds made on this branch." };
        var who = new Option<string?>("--who") { Description = "Only runs recorded by this user (when runs record who ran them)." };
        var sort = new Option<string>("--sort")
        {
            Description = "start (default), name, status, or a metric key (sorted by its last value).",
            DefaultValueFactory = _ => "start"
        };
        var descending = new Option<bool>("--desc") { Description = "Sort in descending order." };
        var limit = new Option<int?>("--limit") { Description = "At most this many runs." };
        var groupByFingerprint = new Option<bool>("--group-by-fingerprint")
        {
            Description = "One group per build fingerprint: runs of the same code, " +
            "packages and data together."
        };
        var json = CommonOptions.Json();
        var command = new Command("runs",
            "List the runs of this clone and those pulled from the team, with their status, who ran them, build, tags, parameters and last metric " +
                "values. Filters combine. runs tag and runs note curate them.")
        {
            runsDirectory, active, status, param, tag, metric, fingerprint, commit, branch, who, sort, descending, limit, groupByFingerprint, json,
        };
        command.SetAction(parse =>
        {
            var directory = SharingOptions.ExistingRunsDirectory(parse, runsDirectory);
            var query = new RunQuery
            {
                ActiveOnly = parse.GetValue(active),
                Fingerprint = parse.GetValue(fingerprint),
                Commit = parse.GetValue(commit),
                Branch = parse.GetValue(branch),
                Who = parse.GetValue(who),
                Sort = parse.GetValue(sort)!,
                Descending = parse.GetValue(descending),
                Limit = parse.GetValue(limit),
            };
            query.Statuses.AddRange(parse.GetValue(status) ?? Array.Empty<string>());
            query.Params.AddRange(parse.GetValue(param) ?? Array.Empty<string>());
            query.Tags.AddRange(parse.GetValue(tag) ?? Array.Empty<string>());
            query.Metrics.AddRange(parse.GetValue(metric) ?? Array.Empty<string>());
            if (query.Limit is < 1)
            {
                throw new ToolInputException(DiagnosticIds.ToolUsage, $"--limit {query.Limit} shows no run; give a positive number (or leave it out for all).");
            }

            var now = DateTimeOffset.UtcNow;
            var all = RunCatalog.Load(directory, now, query, out var unreadable, out var total);
            var runs = query.Apply(all);
            if (parse.GetValue(json))
            {
                console.WriteJson(writer => WriteJson(writer, directory, runs, unreadable));
            }
            else
            {
                console.Write(BuildReport(directory, total, runs, unreadable, parse.GetValue(groupByFingerprint), query.ActiveOnly, now));
            }

            return ExitCodes.Ok;
        });
        command.Add(RunAnnotationCommands.Tag(console));
        command.Add(RunAnnotationCommands.Note(console));
        command.Add(RunDeleteCommand.Create(console));
        return command;
    }

    private static Report BuildReport(string directory, int total, List<RunListing> runs, List<UnreadableRun> unreadable, bool group, bool active,
        DateTimeOffset now)
    {
        var report = new Report();
        report.Line($"{runs.Count} of {total} run(s) in {directory}");
        if (unreadable.Count > 0)
        {
            report.Line(RunCatalog.DescribeUnreadable(unreadable), Tone.Bad);
        }

        if (total == 0)
        {
            report.Line("No runs yet: a program that references Repro.Runs records one per ReproRun.Start; 'dotnet repro pull' fetches the team's.", Tone.Dim);
            return report;
        }

        var groups = group
            ? runs.GroupBy(r => r.Summary.Build?.Fingerprint ?? "(no build link)").Select(g
                => ($"Fingerprint {Output.Format.Prefix(Output.Format.Bare(g.Key), 19)}", g.ToList()))
            : new[] { ("Runs", runs) };
        foreach (var (title, members) in groups)
        {
            var section = active
                ? report.Section(title, "run", "name", "status", "who", "since", "last heartbeat", "commit", "tags", "params", "metrics")
                : report.Section(title, "run", "name", "status", "who", "started", "duration", "commit", "tags", "params", "metrics");
            foreach (var run in members)
            {
                var tone = run.Status switch
                {
                    RunStatus.Finished => Tone.Normal,
                    RunStatus.Running => Tone.Good,
                    _ => Tone.Bad,
                };
                var build = run.Summary.Build;
                var commit = build?.Commit is { } c ? Output.Format.Prefix(c, 10) + (build.Dirty == true ? "+dirty" : "") : "";
                section.Row(tone,
                    run.Summary.RunId + (run.ClaimedRunId is null ? "" : " (!)"),
                    (run.Summary.Name ?? "") + (run.Summary.Reproduces is { } reproduced
                        ? (run.Summary.Name is null ? "" : " ") + "(reproduces " + Output.Format.Prefix(Output.Format.Long(reproduced), 15) + ")"
                        : ""),
                    run.Status + (DataChanged(run) ? ", data changed" : ""),
                    run.Who ?? "",
                    active ? Ago(run.Started, now) : run.Started?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                    active ? Ago(run.LastWrite, now) : Output.Format.Duration(run.Duration),
                    commit,
                    string.Join(" ", run.Tags.Select(t => Output.Format.Long(t.Key) + "=" + Output.Format.Long(t.Value))),
                    string.Join(" ", run.Summary.Params.Select(p => Output.Format.Long(p.Key) + "=" + Output.Format.Long(p.Value))),
                    // The system metrics' last samples are left to compare and report, which show them as series (--json has them).
                    (run.MetricsDerived ? "* " : "") + string.Join(" ", run.Summary.Metrics.Where(m => !SystemSeries.IsSystem(m.Key))
                        .Select(m => Output.Format.Long(m.Key) + "=" + m.Value.Last.ToString("G4", CultureInfo.InvariantCulture))));
            }
        }

        // Said after the table, where the marks are.
        foreach (var run in runs.Where(r => r.ClaimedRunId is not null))
        {
            report.Line($"(!) {run.Summary.RunId}: its record claims to be run '{Output.Format.Long(run.ClaimedRunId!)}'; it is listed under its " +
                $"folder's name. A record copied by hand, or planted: check where it came from.", Tone.Bad);
        }

        if (runs.Any(r => r.MetricsDerived))
        {
            report.Line("* metrics read from metrics.jsonl: the run stopped without writing its record's final summaries (killed, or still running).",
                Tone.Dim);
        }

        return report;
    }

    private static void WriteJson(Utf8JsonWriter writer, string directory, List<RunListing> runs, List<UnreadableRun> unreadable)
    {
        writer.WriteStartObject();
        writer.WriteString("runsDirectory", directory);
        writer.WriteString("ref", RunRefStore.LocalRef);
        writer.WriteNumber("unreadable", unreadable.Count);
        JsonFields.UnreadableRuns(writer, unreadable);
        writer.WriteStartArray("runs");
        foreach (var run in runs)
        {
            var record = run.Summary;
            writer.WriteStartObject();
            // What the listing derives first, then the record's own summary as run.json has it (one writer: the model's).
            writer.WriteString("runId", record.RunId);
            writer.WriteString("claimedRunId", run.ClaimedRunId);
            writer.WriteString("status", run.Status);
            writer.WriteString("who", run.Who);
            JsonFields.Number(writer, "durationSeconds", run.Duration is { } duration ? Math.Round(duration.TotalSeconds, 3) : null);
            writer.WriteBoolean("metricsFromFile", run.MetricsDerived);
            writer.WriteBoolean("dataChanged", DataChanged(run));
            JsonFields.Annotations(writer, run.Annotations);
            writer.WritePropertyName("record");
            RunRecordSerializer.WriteSummary(writer, record);
            writer.WriteEndObject();
            if (writer.BytesPending > 64 * 1024)
            {
                writer.Flush(); // out as it is written: 100,000 runs are not held as one document
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // The build's data was not what the build hashed when the run started (REPRO401): its results may not be the build's.
    private static bool DataChanged(RunListing run) => run.Summary.Data.Any(d => d.State == RunDataState.Changed);

    private static string Ago(DateTimeOffset? time, DateTimeOffset now) => time is { } t ? Output.Format.Duration(now - t) + " ago" : "";
}
