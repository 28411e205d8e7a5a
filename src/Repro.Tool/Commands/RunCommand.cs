using System.CommandLine;
using Repro.Tool.Output;
using Repro.Tool.Services;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro run [options] -- COMMAND [ARGS…]</c>: a run record around any training command.</summary>
internal static class RunCommand
{
    public static Command Create(ToolConsole console)
    {
        var commandLine = new Argument<string[]>("command")
        {
            Description = "The command to run and its arguments, after --.",
            Arity = ArgumentArity.OneOrMore
        };
        var name = new Option<string?>("--name") { Description = "The run's name (an experiment or run name)." };
        var assembly = new Option<string?>("--assembly")
        {
            Description = "The program whose embedded build manifest the run links to (default: the " +
            "first .dll or .exe argument of the command that exists)."
        };
        var project = new Option<string?>("--project")
        {
            Description = "The project folder the build's data paths are relative to (default: the folder " +
            "above the assembly with its project file)."
        };
        var inputs = new Option<string[]>("--input") { Description = "A file or folder the command reads: hashed before it starts. Repeatable." };
        var outputs = new Option<string[]>("--output") { Description = "A file or folder the command writes: hashed after it ends. Repeatable." };
        var runs = SharingOptions.RunsDirectory();
        var command = new Command("run",
            "Record a run around any command without changing its code: the build it came from, its data re-checked before it starts, the command, " +
                "exit status and duration, the declared outputs hashed after it ends, and the machine, in the run-record format of Repro.Runs. Exits " +
                    "with the command's exit code.")
        {
            commandLine, name, assembly, project, inputs, outputs, runs,
        };
        command.SetAction(parse =>
        {
            var arguments = parse.GetValue(commandLine)!;
            var request = new RunRequest(arguments, parse.GetValue(name), parse.GetValue(assembly) ?? FirstAssembly(arguments), parse.GetValue(project),
                parse.GetValue(inputs) ?? Array.Empty<string>(), parse.GetValue(outputs) ?? Array.Empty<string>(), parse.GetValue(runs));
            var (exitCode, recordPath) = CommandRun.Run(request);
            console.Error.WriteLine($"dotnet repro: run recorded in {recordPath} (exit code {exitCode})");
            return exitCode;
        });
        return command;
    }

    private static string? FirstAssembly(IEnumerable<string> arguments) =>
        arguments.FirstOrDefault(a => (a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || a.EndsWith(".exe",
            StringComparison.OrdinalIgnoreCase)) && File.Exists(a));
}
