using System.CommandLine;
using Repro.Build.Data;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro verify [manifest]</c>: does today's checkout still reproduce what was recorded?</summary>
internal static class VerifyCommand
{
    public static Command Create(ToolConsole console)
    {
        var input = CommonOptions.Input("manifest", "the manifests of the project in the current folder, of the configuration built last");
        var project = new Option<string?>("--project")
        {
            Description = "The project folder to compare with (default: the folder above the manifest " +
            "with its project file, else the current folder)."
        };
        var configuration = new Option<string?>("--configuration",
            "-c")
        { Description = "For a project folder: the configuration whose manifests to check (default: the one built last)." };
        var json = CommonOptions.Json();
        var command = new Command("verify",
            "Check the checkout against a manifest: commit and uncommitted changes (does the patch apply?), sources, every data file re-hashed, " +
                "config, SDK, MSBuild, compiler, global.json and restored packages. Exit code 1 on any mismatch.")
        {
            input, project, configuration, json,
        };
        command.SetAction(parse =>
        {
            var manifests = ManifestLoader.LoadAll(parse.GetValue(input)!, parse.GetValue(configuration), out var skipped);
            var asJson = parse.GetValue(json);
            var results = new List<VerifyResult>();
            foreach (var manifest in manifests)
            {
                var progress = new HashProgress();
                results.Add(console.IsTerminal && !asJson && manifest.Manifest.Data.Items.Sum(i => i.Size) > LargeData
                    ? TerminalProgress.Run("Hashing data", progress, () => VerifyService.Verify(manifest, parse.GetValue(project), progress))
                    : VerifyService.Verify(manifest, parse.GetValue(project), progress));
            }

            if (asJson)
            {
                console.WriteJson(writer => VerifyPresenter.WriteJson(writer, results));
            }
            else
            {
                var report = VerifyPresenter.Build(results);
                if (skipped.Count > 0)
                {
                    report.Line($"Checked the {manifests[0].Manifest.Project.Configuration ?? "last"} build, the one built last; also under bin/: " +
                        $"{string.Join(", ", skipped)} (-c NAME checks one).", Tone.Dim);
                }

                console.Write(report);
            }

            return results.All(r => r.Ok) ? ExitCodes.Ok : ExitCodes.Differs;
        });
        return command;
    }

    /// <summary>Data above this size gets a progress bar on a terminal (about a second of hashing).</summary>
    private const long LargeData = 256L * 1024 * 1024;
}
