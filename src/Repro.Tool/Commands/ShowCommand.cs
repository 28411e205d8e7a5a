using System.CommandLine;
using System.Text.Json;
using Repro.Build.Manifest;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro show [input]</c>: a readable summary of one manifest.</summary>
internal static class ShowCommand
{
    public static Command Create(ToolConsole console)
    {
        var input = CommonOptions.Input();
        var json = CommonOptions.Json();
        var all = CommonOptions.All("List every package, data file and recorded environment variable.");
        var command = new Command("show", "Summarize what a build recorded: code, packages, toolchain, build settings, seed, data, environment.")
        {
            input, json, all,
        };
        command.SetAction(parse =>
        {
            if (RunLoader.TryLoad(parse.GetValue(input)!, System.IO.Directory.GetCurrentDirectory()) is { } run)
            {
                if (parse.GetValue(json))
                {
                    console.WriteJson(writer => WriteJson(writer, run));
                }
                else
                {
                    console.Write(ShowPresenter.Build(run, parse.GetValue(all)));
                }

                return ExitCodes.Ok;
            }

            var loaded = ManifestLoader.Load(parse.GetValue(input)!);
            if (parse.GetValue(json))
            {
                console.WriteJson(writer => WriteJson(writer, loaded));
            }
            else
            {
                console.Write(ManifestSummary.Build(loaded, parse.GetValue(all)));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(Utf8JsonWriter writer, LoadedRun run)
    {
        writer.WriteStartObject();
        writer.WriteString("source", run.Path);
        writer.WriteString("origin", "run");
        writer.WritePropertyName("run");
        using (var document = JsonDocument.Parse(Repro.Runs.Records.RunRecordSerializer.ToUtf8Bytes(run.Record)))
        {
            document.RootElement.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteJson(Utf8JsonWriter writer, LoadedManifest loaded)
    {
        writer.WriteStartObject();
        writer.WriteString("source", loaded.Path);
        writer.WriteString("origin", loaded.OriginName);
        writer.WritePropertyName("manifest");
        var bytes = loaded.IsEmbedded
            ? EmbeddedManifestWriter.ToUtf8Bytes(loaded.Manifest)
            : ManifestSerializer.ToUtf8Bytes(loaded.Manifest);
        using (var document = JsonDocument.Parse(bytes))
        {
            document.RootElement.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
