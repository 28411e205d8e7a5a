using System.CommandLine;
using System.IO;
using Repro.Tool.Commands;
using Repro.Tool.Input;
using Repro.Tool.Output;

namespace Repro.Tool.Tests;

/// <summary>Runs one command in process as <c>Program</c> does (one line and exit code 2 for bad input), with its output captured.</summary>
internal static class ToolHarness
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new ToolConsole(output, error, isTerminal: false);
        var root = new RootCommand
        {
            RunsCommand.Create(console),
            CompareCommand.Create(console),
            ShowCommand.Create(console),
            WhichCommand.Create(console),
            ReportCommand.Create(console),
        };
        int code;
        try
        {
            code = root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ToolInputException ex)
        {
            console.WriteError(ex.Code, ex.Message);
            code = ExitCodes.InputError;
        }

        return (code, output.ToString(), error.ToString());
    }
}
