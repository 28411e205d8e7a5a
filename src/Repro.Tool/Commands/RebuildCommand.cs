using System.CommandLine;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro rebuild [manifest] -o DIR</c>: the exact sources back, built again, compared.</summary>
internal static class RebuildCommand
{
    public static Command Create(ToolConsole console)
    {
        var input = CommonOptions.Input("manifest");
        var output = new Option<string>("--output",
            "-o")
        { Description = "An empty or new folder for the sources: a clone at the recorded commit with the recorded patch applied.", Required = true };
        var project = new Option<string?>("--project")
        {
            Description = "The project folder in today's checkout whose repository has the commit " +
            "(default: found as verify finds it)."
        };
        var identical = new Option<bool>("--require-identical-assembly")
        {
            Description = "Exit with 1 when the assembly's bytes differ too, not only " +
            "the fingerprint."
        };
        var json = CommonOptions.Json();
        var command = new Command("rebuild",
            "Give back the exact sources of a build (clone at the commit, patch applied), build them with the recorded configuration, and compare the " +
                "new fingerprint and assembly with the recorded ones. Exit code 1 when the fingerprint differs or the build fails.")
        {
            input, output, project, identical, json,
        };
        command.SetAction(parse =>
        {
            var loaded = ManifestLoader.Load(parse.GetValue(input)!);
            var result = RebuildService.Rebuild(loaded, parse.GetValue(output)!, parse.GetValue(project));
            if (parse.GetValue(json))
            {
                console.WriteJson(writer => RebuildPresenter.WriteJson(writer, loaded, result));
            }
            else
            {
                console.Write(RebuildPresenter.Build(loaded, result));
            }

            var reproduced = result.BuildSucceeded && result.SameFingerprint && result.Submodules.All(s => s.Matches) && (!parse.GetValue(identical)
                || result.SameAssembly == true);
            return reproduced ? ExitCodes.Ok : ExitCodes.Differs;
        });
        return command;
    }
}
