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
        var artifactsOption = new Option<bool>("--artifacts")
        {
            Description = "Also fetch the outputs the runs logged and the data they read from the store's default remote into the cache "
                + "(get and data checkout --run write them out).",
        };
        var command = new Command("pull",
            "Fetch the runs the team pushed (refs/repro/runs of the remote), merge them with this clone's, and write the new and updated ones into the " +
                "runs folder, where 'runs', 'show' and 'diff' find them.")
        {
            remote, runsDirectory, artifactsOption, json,
        };
        command.SetAction(parse =>
        {
            var sharing = RunSharing.ForDirectory(Directory.GetCurrentDirectory(), parse.GetValue(runsDirectory));
            var (result, written) = sharing.Pull(parse.GetValue(remote)!);
            foreach (var warning in sharing.AllWarnings)
            {
                console.WriteWarning(Repro.Build.DiagnosticIds.ToolShareFailed, warning);
            }

            var artifacts = parse.GetValue(artifactsOption)
                ? SharingOptions.Artifacts(console, () => RunArtifacts.Pull(Directory.GetCurrentDirectory(), sharing.RunsDirectory))
                : null;
            if (parse.GetValue(json))
            {
                console.WriteJson(writer => SharingOptions.WriteResult(writer, "pull", sharing.RunsDirectory, saved: null, result, written,
                    sharing.AllWarnings, artifacts));
            }
            else
            {
                var report = new Report().Line(
                    $"Pulled from '{result.Remote}': {result.NewRuns} new run(s), {result.UpdatedRuns} updated; {written} written to {sharing.RunsDirectory}.",
                    Tone.Good);
                SharingOptions.Describe(report, artifacts, "fetched from");
                console.Write(report);
            }

            return artifacts is { Failed: true } ? ExitCodes.Differs : ExitCodes.Ok;
        });
        return command;
    }
}
