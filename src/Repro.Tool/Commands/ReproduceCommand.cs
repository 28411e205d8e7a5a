using System.CommandLine;
using Repro.Build;
using Repro.Tool.Input;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro reproduce RUN [-- COMMAND]</c>: the run again, from its recorded inputs, with a verdict.</summary>
internal static class ReproduceCommand
{
    public static Command Create(ToolConsole console)
    {
        var run = new Argument<string>("run") { Description = "The run to reproduce: its id (or its first characters), its folder or its run.json." };
        var commandLine = new Argument<string[]>("command")
        {
            Description = "Another command to run instead of the recorded one, after --.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "A new or empty folder for the work tree (default: a new folder in the system's temporary folder).",
        };
        var tolerance = new Option<string[]>("--tolerance")
        {
            Description = "How far a metric may be from the recorded one, relative and absolute: a number for every metric (default 1e-6), or " +
                "NAME=NUMBER for one. Repeatable.",
        };
        var timeout = new Option<string>("--timeout")
        {
            Description = "How long the training may take before it and every process it started are killed: seconds, or 90s, 30m, 2h (default 1h).",
            DefaultValueFactory = _ => "1h",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Stop (exit code 2) when the toolchain or machine differs from the run's, instead of reporting it.",
        };
        var runsDirectory = SharingOptions.RunsDirectory();
        var json = CommonOptions.Json();
        var command = new Command("reproduce",
            "Run a recorded run again from what it recorded, in a separate work tree (the commit and its patch, the data verified by hash, a locked " +
                "restore and build compared with the recorded fingerprint, the recorded command), and compare: exit code 0 when reproduced " +
                    "(bit-identical or within --tolerance), 1 when not (the first difference and its likely cause named), 2 when it could not try.")
        {
            run, commandLine, output, tolerance, timeout, strict, runsDirectory, json,
        };
        command.SetAction(parse =>
        {
            if (!ReproducibilityCheck.TryParseTimeout(parse.GetValue(timeout)!, out var limit))
            {
                throw new ToolInputException(DiagnosticIds.ToolUsage,
                    $"--timeout '{parse.GetValue(timeout)}' is not a duration: give seconds (3600) or a number with s, m or h (90s, 30m, 2h), from 1 " +
                        "second to 7 days.");
            }

            var tolerances = MetricTolerance.Parse(parse.GetValue(tolerance) ?? []);
            var words = parse.GetValue(commandLine) ?? [];
            var request = new ReproduceRequest(parse.GetValue(run)!, SharingOptions.ExistingRunsDirectory(parse, runsDirectory), parse.GetValue(output),
                words.Length == 0 ? null : words, tolerances, limit, parse.GetValue(strict));

            // A signal to the tool stops the training with every process it started; the tool then ends with one line.
            using var stop = new CheckStop();
            using var signals = TerminationSignals.Watch(stop.Request, keepRunning: true);
            var result = ReproduceService.Reproduce(request, console.Error, stop);
            if (parse.GetValue(json))
            {
                console.WriteJson(writer => ReproducePresenter.WriteJson(writer, result, tolerances));
            }
            else
            {
                console.Write(ReproducePresenter.Build(result));
            }

            return result.Verdict == ReproductionVerdict.NotReproduced ? ExitCodes.Differs : ExitCodes.Ok;
        });
        return command;
    }
}
