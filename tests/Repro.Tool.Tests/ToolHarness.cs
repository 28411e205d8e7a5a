using System.IO;
using Repro.Tool.Output;

namespace Repro.Tool.Tests;

/// <summary>Runs one command line in process through <see cref="Program.Run"/>, with its output captured.</summary>
internal static class ToolHarness
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new ToolConsole(output, error, isTerminal: false);
        var code = Program.Run(args, console);
        return (code, output.ToString(), error.ToString());
    }
}
