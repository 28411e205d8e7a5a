using System.CommandLine;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro packages [manifest]</c>: is every recorded package still available with the same content?</summary>
internal static class PackagesCommand
{
    public static Command Create(ToolConsole console)
    {
        var input = CommonOptions.Input("manifest");
        var sources = new Option<string[]>("--source",
            "-s")
        {
            Description = "Ask these sources (URLs or folders) instead of the NuGet configuration's. Repeatable.",
            AllowMultipleArgumentsPerToken = false
        };
        var offline = new Option<bool>("--offline")
        {
            Description = "Ask no source: check the global packages folder only, and say what could not be " +
            "verified."
        };
        var json = CommonOptions.Json();
        var command = new Command("packages",
            "Check that every recorded package is still available, with the recorded content hash, from the source it came from or the configured " +
                "sources (package source mapping honoured); report unlisted, deprecated and vulnerable versions. Exit code 1 when one is missing or changed.")
        {
            input, sources, offline, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var loaded = ManifestLoader.Load(parse.GetValue(input)!);
            var isOffline = parse.GetValue(offline);
            // The NuGet configuration that governs the project (its folder and above), as a restore there would read it.
            var configurationRoot = loaded.Origin == ManifestOrigin.File ? Path.GetDirectoryName(loaded.Path)! : loaded.RunProjectDirectory
                ?? Directory.GetCurrentDirectory();
            var checks = await PackageAvailability.CheckAsync(loaded.Manifest, configurationRoot, parse.GetValue(sources) ?? Array.Empty<string>(),
                isOffline, cancellation).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(writer => PackagesPresenter.WriteJson(writer, loaded, checks, isOffline));
            }
            else
            {
                console.Write(PackagesPresenter.Build(loaded, checks, isOffline));
            }

            return PackagesPresenter.AllAvailable(checks) ? ExitCodes.Ok : ExitCodes.Differs;
        });
        return command;
    }
}
