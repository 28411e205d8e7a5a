using System.CommandLine;
using System.Text;
using Repro.Build;
using Repro.Build.IO;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro export --format cyclonedx|slsa [--output FILE] [input]</c>: an SBOM or a provenance statement.</summary>
internal static class ExportCommand
{
    public static Command Create(ToolConsole console)
    {
        var input = CommonOptions.Input();
        var format = new Option<string>("--format",
            "-f")
        { Description = "cyclonedx (a CycloneDX 1.6 JSON SBOM) or slsa (an in-toto Statement with SLSA v1 provenance).", Required = true };
        format.AcceptOnlyFromAmong("cyclonedx", "slsa");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var model = new Option<string?>("--model")
        {
            Description = "The trained model file: added as a machine-learning-model component (CycloneDX) or " +
            "a subject (SLSA), by its SHA-256."
        };
        var json = CommonOptions.Json();
        json.Description = "Accepted for symmetry: the export is JSON either way.";
        var command = new Command("export",
            "Export a manifest, or a run with the build it ran, as a CycloneDX 1.6 SBOM or an SLSA v1 provenance statement (a run adds the data it " +
                "read and the models it wrote). The same input gives byte-identical output.")
        {
            input, format, output, model, json,
        };
        command.SetAction(parse =>
        {
            var loaded = ManifestLoader.Load(parse.GetValue(input)!);
            var inputs = ExportInputs.Gather(loaded, parse.GetValue(model));
            var text = parse.GetValue(format) == "slsa"
                ? ToolConsole.JsonText(writer => SlsaExporter.Write(writer, inputs))
                : ToolConsole.JsonText(writer => CycloneDxExporter.Write(writer, inputs));
            if (parse.GetValue(output) is { } path)
            {
                try
                {
                    AtomicFile.WriteIfChanged(Path.GetFullPath(path), new UTF8Encoding(false).GetBytes(text));
                }
                catch (Exception ex) when (ReadFailure.IsExpected(ex))
                {
                    throw new ToolInputException(DiagnosticIds.ToolOutputNotWritten, $"'{path}' could not be written: {ex.Message.Split('\n')[0]}");
                }
            }
            else
            {
                console.Output.Write(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
