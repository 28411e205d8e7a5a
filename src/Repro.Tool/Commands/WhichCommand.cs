using System.CommandLine;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro which FILE</c>: which recorded runs produced or read this file?</summary>
internal static class WhichCommand
{
    public static Command Create(ToolConsole console)
    {
        var file = new Argument<string>("file") { Description = "A model, data or any file a run logged as an input or output." };
        var runs = SharingOptions.RunsDirectory();
        var json = CommonOptions.Json();
        var command = new Command("which",
            "Find the recorded runs that produced or read a file, by its SHA-256, with their build and parameters. Exit code 1 when none did.")
        {
            file, runs, json,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(file)!;
            var (sha256, runsDirectory, matches) = WhichService.Find(name, Directory.GetCurrentDirectory(), parse.GetValue(runs));
            if (parse.GetValue(json))
            {
                console.WriteJson(writer => WhichPresenter.WriteJson(writer, name, sha256, runsDirectory, matches));
            }
            else
            {
                console.Write(WhichPresenter.Build(name, sha256, runsDirectory, matches));
            }

            return matches.Count > 0 ? ExitCodes.Ok : ExitCodes.Differs;
        });
        return command;
    }
}
