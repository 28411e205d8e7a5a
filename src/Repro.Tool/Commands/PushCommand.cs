using System.CommandLine;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro push [remote]</c>: share this clone's runs with the team through its git remote.</summary>
internal static class PushCommand
{
    public static Command Create(ToolConsole console)
    {
        var remote = new Argument<string>("remote") { Description = "The git remote to share with (default: origin).", DefaultValueFactory = _ => "origin" };
        var runsDirectory = SharingOptions.RunsDirectory();
        var json = CommonOptions.Json();
        var noArtifacts = new Option<bool>("--no-artifacts")
        {
            Description = "Share the runs only: do not send the outputs they logged and the data they read to the store's default remote.",
        };
        var command = new Command("push",
            "Share the runs of this clone: record them on refs/repro/runs and push that ref to the remote with git's own transport and credentials " +
                "(runs pushed by others meanwhile are merged in first). Never touches the working tree, the index or your branches.")
        {
            remote, runsDirectory, noArtifacts, json,
        };
        command.SetAction(parse =>
        {
            var sharing = RunSharing.ForDirectory(Directory.GetCurrentDirectory(), parse.GetValue(runsDirectory));
            var (saved, result) = sharing.Push(parse.GetValue(remote)!);
            foreach (var warning in sharing.AllWarnings)
            {
                console.WriteWarning(Repro.Build.DiagnosticIds.ToolShareFailed, warning);
            }

            var artifacts = parse.GetValue(noArtifacts) ? null : SharingOptions.Artifacts(console, () => RunArtifacts.Push(Directory.GetCurrentDirectory(),
                sharing.RunsDirectory));
            if (parse.GetValue(json))
            {
                console.WriteJson(writer => SharingOptions.WriteResult(writer, "push", sharing.RunsDirectory, saved, result, written: null,
                    sharing.AllWarnings, artifacts));
            }
            else
            {
                var report = new Report();
                report.Line(result.Pushed
                    ? $"Pushed {saved} local run(s) to '{result.Remote}' (refs/repro/runs)."
                    : $"'{result.Remote}' already has every local run ({saved}).", Tone.Good);
                if (result.NewRuns > 0)
                {
                    report.Line($"{result.NewRuns} run(s) from the team arrived with it; 'dotnet repro runs' lists them.");
                }

                SharingOptions.Describe(report, artifacts, "sent to");
                console.Write(report);
            }

            return artifacts is { Failed: true } ? ExitCodes.Differs : ExitCodes.Ok;
        });
        return command;
    }
}
