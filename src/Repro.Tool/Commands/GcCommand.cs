using System.CommandLine;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary>
/// <c>dotnet repro gc [--force]</c>: the cache objects nothing kept references (no run of the runs folder, no build
/// manifest of the work tree), listed by default and removed with <c>--force</c>, as DVC's <c>gc</c>.
/// </summary>
internal static class GcCommand
{
    private const int Shown = 10;

    public static Command Create(ToolConsole console)
    {
        var force = new Option<bool>("--force", "-f") { Description = "Remove them (without it, gc only says what it would remove)." };
        var json = CommonOptions.Json();
        var command = new Command("gc",
            "List the objects of the local cache that no run of the runs folder and no build manifest of the work tree references; --force removes them. "
                + "The remotes are not touched.")
        {
            force, json,
        };
        command.SetAction(parse =>
        {
            using var store = DataStore.Open(Directory.GetCurrentDirectory(), remote: null, jobs: null, remoteRequired: false);
            var removing = parse.GetValue(force);
            var result = CacheCollector.Collect(store, removing);
            if (parse.GetValue(json))
            {
                console.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("command", "gc");
                    writer.WriteString("cache", store.Cache.Directory);
                    writer.WriteNumber("runs", result.Runs);
                    writer.WriteNumber("manifests", result.Manifests);
                    writer.WriteNumber("objects", result.Objects);
                    writer.WriteNumber("kept", result.Kept);
                    writer.WriteNumber("unreferenced", result.Unreferenced.Count);
                    writer.WriteNumber("unreferencedBytes", result.UnreferencedBytes);
                    writer.WriteBoolean("removed", removing);
                    writer.WriteStartArray("objectsUnreferenced");
                    foreach (var (sha, _) in result.Unreferenced)
                    {
                        writer.WriteStringValue(sha);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            var report = new Report();
            report.Line($"{result.Objects} object(s) in {store.Cache.Directory}; {result.Kept} referenced by {result.Runs} run(s) and {result.Manifests} "
                + "build manifest(s).", Tone.Dim);
            if (result.Unreferenced.Count == 0)
            {
                report.Line("Nothing to remove.", Tone.Good);
            }
            else
            {
                foreach (var (sha, size) in result.Unreferenced.Take(Shown))
                {
                    report.Line($"  {Format.Hash(sha)}  {Format.Bytes(size)}");
                }

                if (result.Unreferenced.Count > Shown)
                {
                    report.Line($"  … and {result.Unreferenced.Count - Shown} more");
                }

                report.Line(removing
                    ? $"Removed {result.Unreferenced.Count} unreferenced object(s) ({Format.Bytes(result.UnreferencedBytes)})."
                    : $"{result.Unreferenced.Count} unreferenced object(s) ({Format.Bytes(result.UnreferencedBytes)}) would be removed: "
                        + "dotnet repro gc --force removes them.", removing ? Tone.Good : Tone.Normal);
            }

            console.Write(report);
            return ExitCodes.Ok;
        });
        return command;
    }
}
