using System.Globalization;
using Repro.Runs.Records;
using Repro.Tool.Input;
using Repro.Tool.Output;

namespace Repro.Tool.Services;

/// <summary>The human summary of one run record (<c>dotnet repro show RUN</c>).</summary>
public static class ShowPresenter
{
    public static Report Build(LoadedRun loaded, bool all)
    {
        var run = loaded.Record;
        var report = new Report();
        report.Line($"run {run.RunId}{(run.Name is null ? "" : " (" + run.Name + ")")}: " +
            $"{run.Status}{(run.ExitCode is { } code ? ", exit code " + code.ToString(CultureInfo.InvariantCulture) : "")}",
            run.Status == RunStatus.Finished ? Tone.Good : run.Status == RunStatus.Running ? Tone.Normal : Tone.Bad);
        report.Line($"record {loaded.Path}", Tone.Dim);
        if (run.Reproduces is { } reproduced)
        {
            report.Line($"reproduces run {Format.Long(reproduced)} (dotnet repro reproduce; compare them with dotnet repro compare {Format.Long(reproduced)} " +
                $"{run.RunId})");
        }
        if (loaded.ClaimedRunId is { } claimed)
        {
            report.Line($"Its record claims to be run '{Format.Long(claimed)}', not the run of its folder: a record copied by hand, or planted. Check " +
                $"where it came from.", Tone.Bad);
        }

        report.Line($"started {run.StartTime}, ended " +
            $"{run.EndTime ?? "(not ended: running, or killed without warning; last written " + run.LastWriteTime + ")"}");
        if (run.Failure is { } failure)
        {
            report.Line($"failed: {failure.Type}: {failure.Message}", Tone.Bad);
        }

        var process = report.Section("Process", "key", "value");
        process.Row("command", string.Join(" ", run.Process.CommandLine));
        process.Row("folder", run.Process.WorkingDirectory);
        process.Row("runtime", run.Process.Runtime);

        var build = report.Section("Build", "key", "value");
        if (run.Build is { } b)
        {
            build.Row("assembly", b.Assembly);
            build.Row("fingerprint", b.Fingerprint ?? "none");
            build.Row("commit", b.Commit ?? "none");
            build.Row("branch", b.Branch ?? "unknown or detached");
            build.Row(b.Dirty == true ? Tone.Bad : Tone.Normal, "dirty", Format.Flag(b.Dirty));
            if (b.Patch is { } patch)
            {
                build.Row("patch", System.IO.Path.Combine(System.IO.Path.GetDirectoryName(loaded.Path) ?? "", patch)
                    + " (git apply --binary it on the commit)");
            }
        }
        else
        {
            build.Row(Tone.Bad, "build", "no manifest embedded in the program (REPRO403)");
        }

        foreach (var (name, value) in run.Seeds)
        {
            build.Row("seed " + name, value);
        }

        if (loaded.Annotations is { } annotations)
        {
            AddAnnotations(report, annotations, all);
        }

        var parameters = report.Section("Parameters", "name", "value");
        foreach (var (name, value) in run.Params)
        {
            parameters.Row(name, all ? value : Format.Long(value));
        }

        var metrics = report.Section(loaded.MetricsDerived ? "Metrics (from metrics.jsonl: the run stopped without writing its final summaries)"
            : "Metrics", "metric", "last", "step", "min", "max", "points");
        foreach (var (name, metric) in run.Metrics)
        {
            metrics.Row(name, Format.Number(metric.Last), metric.Step.ToString(CultureInfo.InvariantCulture), Format.Number(metric.Min),
                Format.Number(metric.Max), metric.Count.ToString(CultureInfo.InvariantCulture));
        }

        var data = report.Section("Data (checked when the run started)", "item", "state", "sha256");
        foreach (var item in run.Data)
        {
            data.Row(item.State == RunDataState.Unchanged ? Tone.Good : Tone.Bad, item.Name, item.State, Format.Hash(item.Sha256));
            foreach (var file in item.ChangedFiles.Take(all ? int.MaxValue : 5))
            {
                data.Row(Tone.Dim, "  " + file, "", "");
            }
        }

        var steps = report.Section("Steps", "step", "status", "duration", "inputs", "outputs");
        foreach (var step in run.Steps)
        {
            steps.Row(step.Status == RunStatus.Finished ? Tone.Normal : Tone.Bad, step.Name, step.Status,
                Format.Duration(step.DurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
                string.Join(", ", step.Inputs.Select(i => i.Path)), string.Join(", ", step.Outputs.Select(o => o.Path)));
        }

        var files = report.Section("Inputs and outputs", "", "path", "size", "sha256", "produced by");
        foreach (var input in run.Inputs)
        {
            files.Row("input", input.Path, Format.Bytes(input.Size), Format.Hash(input.Sha256), input.ProducedBy ?? "");
        }

        foreach (var output in run.Outputs.Concat(run.Steps.SelectMany(s => s.Outputs)))
        {
            files.Row("output", output.Path, Format.Bytes(output.Size), Format.Hash(output.Sha256) + (output.ContentSha256 is { } content
                && content != output.Sha256 ? " (content " + Format.Hash(content) + ")" : ""), "");
        }

        var diagnostics = report.Section("Warnings", "code", "message");
        foreach (var diagnostic in run.Diagnostics)
        {
            diagnostics.Row(Tone.Bad, diagnostic.Id, diagnostic.Message);
        }

        var environment = report.Section("Environment", "key", "value");
        environment.Row("OS", $"{run.Environment.Os.Description} ({run.Environment.Os.Architecture})");
        environment.Row("CPU", $"{run.Environment.Cpu.Model} ({run.Environment.Cpu.LogicalCores} logical cores)");
        foreach (var gpu in run.Environment.Gpus)
        {
            environment.Row("GPU", $"{gpu.Name} (driver {gpu.DriverVersion ?? "?"})");
        }

        return report;
    }

    /// <summary>A run's tags (a key/value section) and note (its lines), as <c>show</c> and <c>runs tag</c>/<c>note</c> print them.</summary>
    internal static void AddAnnotations(Report report, RunAnnotations annotations, bool all)
    {
        var tags = report.Section("Tags", "key", "value");
        foreach (var (key, value) in annotations.Tags)
        {
            tags.Row(key, all ? value : Format.Long(value));
        }

        if (annotations.Note is { } note)
        {
            var noteSection = report.Section("Note");
            foreach (var line in note.Split('\n'))
            {
                noteSection.Line(line);
            }
        }
    }
}
