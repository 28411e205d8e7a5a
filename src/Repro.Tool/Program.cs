using System;
using System.CommandLine;
using Repro.Build;
using Repro.Build.IO;
using Repro.Tool.Commands;
using Repro.Tool.Input;
using Repro.Tool.Output;

namespace Repro.Tool;

/// <summary>The entry point: parses, runs one command, and turns every failure into one line and an exit code.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var console = ToolConsole.FromProcess();
        var root = new RootCommand("dotnet repro: read, compare, verify and export what Repro.Build recorded for a build (\"why did my results change?\"). Exit codes: 0 same/ok, 1 differs/mismatch, 2 bad usage or input.")
        {
            ShowCommand.Create(console),
            DiffCommand.Create(console),
            VerifyCommand.Create(console),
            ExportCommand.Create(console),
            PackagesCommand.Create(console),
            RebuildCommand.Create(console),
            WhichCommand.Create(console),
            RunCommand.Create(console),
            RunsCommand.Create(console),
            PushCommand.Create(console),
            PullCommand.Create(console),
            CompareCommand.Create(console),
            CheckCommand.Create(console),
            ReportCommand.Create(console),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // The first error is the cause; the rest are usually its echoes.
            console.WriteError(DiagnosticIds.ToolUsage, parse.Errors[0].Message + " (dotnet repro --help lists the commands and options)");
            return ExitCodes.InputError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ToolInputException ex)
        {
            console.WriteError(ex.Code, ex.Message);
            return ExitCodes.InputError;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            console.WriteError(DiagnosticIds.ToolInputMissing, ex.Message.Split('\n')[0].Trim());
            return ExitCodes.InputError;
        }
        catch (Exception ex)
        {
            // A bug of ours: the message, never a stack trace (REPRO_DEBUG=1 shows it).
            console.WriteError(DiagnosticIds.UnexpectedFailure, $"dotnet repro failed unexpectedly: {UnexpectedFailure.Describe(ex)}. Please report this line at the project's issue tracker.");
            if (Environment.GetEnvironmentVariable("REPRO_DEBUG") == "1")
            {
                console.Error.WriteLine(ex);
            }

            return ExitCodes.InputError;
        }
    }
}
