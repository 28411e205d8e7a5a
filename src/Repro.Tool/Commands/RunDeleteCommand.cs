using System.CommandLine;
using Repro.Build;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary>
/// <c>dotnet repro runs delete RUN… [--remote NAME]</c>: runs removed from this clone's runs folder and, with
/// <c>--remote</c>, from the team's ref by a tombstone every clone honours at its next pull.
/// </summary>
internal static class RunDeleteCommand
{
    public static Command Create(ToolConsole console)
    {
        var runs = new Argument<string[]>("runs")
        {
            Description = "The runs: ids or the start of ids (dotnet repro runs lists them).",
            Arity = ArgumentArity.OneOrMore,
        };
        var remote = new Option<string?>("--remote")
        {
            Description = "Also delete them from the runs shared on this git remote (e.g. origin): teammates' clones remove them at their next pull.",
        };
        var runsDirectory = SharingOptions.RunsDirectory();
        var json = CommonOptions.Json();
        var command = new Command("delete",
            "Delete runs from this clone's runs folder; with --remote, from the team's shared runs too. Their objects stay in the cache until "
                + "dotnet repro gc --force.")
        {
            runs, remote, runsDirectory, json,
        };
        command.SetAction(parse =>
        {
            var directory = SharingOptions.ExistingRunsDirectory(parse, runsDirectory);
            var ids = new List<string>();
            foreach (var reference in parse.GetValue(runs)!)
            {
                var loaded = RunLoader.Find(directory, reference);
                var folder = Path.GetDirectoryName(Path.GetFullPath(loaded.Path))!;
                if (!string.Equals(Path.GetDirectoryName(folder), Path.GetFullPath(directory), StringComparison.Ordinal))
                {
                    throw new ToolInputException(DiagnosticIds.ToolUsage, $"'{reference}' is not a run of {directory}: name runs by their id.");
                }

                ids.Add(Path.GetFileName(folder));
            }

            var sharing = RunSharing.ForDirectory(Directory.GetCurrentDirectory(), parse.GetValue(runsDirectory));
            var shared = sharing.Delete(ids.Distinct(StringComparer.Ordinal).ToList(), parse.GetValue(remote));
            foreach (var warning in sharing.AllWarnings)
            {
                console.WriteWarning(DiagnosticIds.ToolShareFailed, warning);
            }

            if (parse.GetValue(json))
            {
                console.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("command", "runs delete");
                    writer.WriteString("remote", parse.GetValue(remote));
                    writer.WriteStartArray("deleted");
                    foreach (var id in ids)
                    {
                        writer.WriteStringValue(id);
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("deletedFromRemote");
                    foreach (var id in shared)
                    {
                        writer.WriteStringValue(id);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
            }
            else
            {
                var report = new Report();
                report.Line($"Deleted {ids.Count} run(s) from {directory}.", Tone.Good);
                if (parse.GetValue(remote) is { } name)
                {
                    report.Line(shared.Count == 0
                        ? $"None of them was shared on '{name}'."
                        : $"Deleted {shared.Count} run(s) from the runs shared on '{name}'; teammates' clones remove them at their next pull.", Tone.Good);
                }

                console.Write(report);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
