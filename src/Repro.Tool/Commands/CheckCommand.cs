using System.CommandLine;
using System.Globalization;
using Repro.Build;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro check [--runs N] [--tolerance T] [--timeout D] -- COMMAND [ARGS]</c>: does the run repeat?</summary>
internal static class CheckCommand
{
    public static Command Create(ToolConsole console)
    {
        var runs = new Option<int>("--runs") { Description = "How many times to run the command (at least 2).", DefaultValueFactory = _ => 2 };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "Relative tolerance for metric values (0: bit for bit).",
            DefaultValueFactory = _ => 0.0
        };
        var timeout = new Option<string>("--timeout")
        {
            Description = "How long one run of the command may take before it and every process it started " +
            "are killed: seconds, or 90s, 30m, 2h (default 1h).",
            DefaultValueFactory = _ => "1h"
        };
        var json = CommonOptions.Json();
        var commandLine = new Argument<string[]>("command")
        {
            Description = "The training command and its arguments, after --; it must record a run " +
            "with Repro.Runs.",
            Arity = ArgumentArity.OneOrMore
        };
        var command = new Command("check",
            "Run a training command several times, varying what must not matter (processor count, culture, time zone, JIT settings; string hash seeds " +
                "differ in every process anyway), and compare the run records: outputs by hash, metrics within --tolerance, parameters. Exit code 1 " +
                    "names the first difference.")
        {
            runs, tolerance, timeout, json, commandLine,
        };
        command.SetAction(parse =>
        {
            var words = parse.GetValue(commandLine)!;
            var count = parse.GetValue(runs);
            if (count < 2)
            {
                throw new ToolInputException(DiagnosticIds.ToolUsage, "--runs must be at least 2: a check compares runs.");
            }

            if (!ReproducibilityCheck.TryParseTimeout(parse.GetValue(timeout)!, out var limit))
            {
                throw new ToolInputException(DiagnosticIds.ToolUsage,
                    $"--timeout '{parse.GetValue(timeout)}' is not a duration: give seconds (3600) or a number with s, m or h (90s, 30m, 2h), from 1 " +
                        $"second to 7 days.");
            }

            // A signal to the tool stops the command's whole process tree and removes the temporary runs (REPRO521).
            using var stop = new CheckStop();
            using var signals = TerminationSignals.Watch(stop.Request, keepRunning: true);
            var result = ReproducibilityCheck.Run(words[0], words.Skip(1).ToList(), count, parse.GetValue(tolerance), limit, console.Error, stop);
            if (parse.GetValue(json))
            {
                console.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteBoolean("reproducible", result.Reproducible);
                    writer.WriteStartArray("runs");
                    for (var i = 0; i < result.Runs.Count; i++)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("runId", result.Runs[i].RunId);
                        writer.WriteString("varied", result.Variations[i].Description);
                        writer.WriteStartObject("environment");
                        foreach (var pair in result.Variations[i].Environment)
                        {
                            writer.WriteString(pair.Key, pair.Value);
                        }

                        writer.WriteEndObject();
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    JsonFields.Strings(writer, "differences", result.Differences);
                    writer.WriteEndObject();
                });
            }
            else
            {
                var report = new Report();
                report.Line(result.Reproducible
                    ? $"Reproducible: {result.Runs.Count} runs gave the same outputs, metrics and parameters."
                    : $"Not reproducible. First difference: {result.Differences[0]}", result.Reproducible ? Tone.Good : Tone.Bad);
                var varied = report.Section("What was varied", "run", "variation");
                for (var i = 0; i < result.Runs.Count; i++)
                {
                    varied.Row((i + 1).ToString(CultureInfo.InvariantCulture), result.Variations[i].Description);
                }

                varied.Line("String hash codes are randomized in every .NET process, so each run also had its own hash seed.", Tone.Dim);
                if (result.Differences.Count > 1)
                {
                    var all = report.Section("Every difference", "difference");
                    foreach (var difference in result.Differences)
                    {
                        all.Row(Tone.Bad, difference);
                    }
                }

                console.Write(report);
            }

            return result.Reproducible ? ExitCodes.Ok : ExitCodes.Differs;
        });
        return command;
    }
}
