using System.CommandLine;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro pull [remote]</c>: fetch the team's runs into this clone's runs folder.</summary>
internal static class PullCommand
{
    public static Command Create(ToolConsole console)
    {
        var remote = new Argument<string>("remote") { Description = "The git remote to fetch from (default: origin).", DefaultValueFactory = _ => "origin" };
        var runsDirectory = SharingOptions.RunsDirectory();
        var json = CommonOptions.Json();
        var command = new Command("pull",
            "Fetch the runs the team pushed (refs/repro/runs of the remote), merge them with this clone's, and write the new and updated ones into the " +
                "runs folder, where 'runs', 'show' and 'diff' find them.")
        {
            remote, runsDirectory, json,
        };
        command.SetAction(parse =>
        {
            var sharing = RunSharing.ForDirectory(Directory.GetCurrentDirectory(), parse.GetValue(runsDirectory));
            var (result, written) = sharing.Pull(parse.GetValue(remote)!);
            foreach (var warning in sharing.AllWarnings)
            {
                console.WriteWarning(Repro.Build.DiagnosticIds.ToolShareFailed, warning);
            }

            if (parse.GetValue(json))
            {
                console.WriteJson(writer => SharingOptions.WriteResult(writer, "pull", sharing.RunsDirectory, saved: null, result, written,
                    sharing.AllWarnings));
            }
            else
            {
                console.Write(new Report().Line(
                    $"Pulled from '{result.Remote}': {result.NewRuns} new run(s), {result.UpdatedRuns} updated; {written} written to {sharing.RunsDirectory}.",
                    Tone.Good));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
