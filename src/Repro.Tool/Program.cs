using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Repro.Build;
using Repro.Build.IO;
using Repro.Tool.Commands;
using Repro.Tool.Input;
using Repro.Tool.Output;

namespace Repro.Tool;

/// <summary>The entry point: parses, runs one command, and turns every failure into one line and an exit code.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, ToolConsole.FromProcess());

    /// <summary>Every command, as <c>dotnet repro</c> has them (the convention tests walk them).</summary>
    internal static RootCommand CreateRoot(ToolConsole console)
    {
        var root = new RootCommand("dotnet repro: read, compare, verify and export what Repro.Build recorded for a build (\"why did my results " +
            "change?\"). Exit codes: 0 same/ok, 1 differs/mismatch, 2 bad usage or input.")
        {
            ShowCommand.Create(console),
            DiffCommand.Create(console),
            VerifyCommand.Create(console),
            ExportCommand.Create(console),
            PackagesCommand.Create(console),
            RebuildCommand.Create(console),
            ReproduceCommand.Create(console),
            WhichCommand.Create(console),
            RunCommand.Create(console),
            RunsCommand.Create(console),
            PushCommand.Create(console),
            PullCommand.Create(console),
            CompareCommand.Create(console),
            CheckCommand.Create(console),
            ReportCommand.Create(console),
            RemoteCommand.Create(console),
            DataCommand.Create(console),
            GetCommand.Create(console),
            GcCommand.Create(console),
        };
        root.Add(HelpCommand.Create(topic => ShowHelp(root.Parse(topic), console)));
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersion(console);
        }

        return root;
    }

    /// <summary>Parses and runs one command line, writing to <paramref name="console"/>; returns the exit code.</summary>
    internal static int Run(string[] args, ToolConsole console)
    {
        var root = CreateRoot(console);
        if (args.Length == 0)
        {
            return ShowHelp(root.Parse(new[] { "--help" }), console);
        }

        var parse = root.Parse(args);
        if (parse.Action is HelpAction)
        {
            return ShowHelp(parse, console);
        }

        if (parse.Errors.Count > 0)
        {
            console.WriteError(DiagnosticIds.ToolUsage, UsageErrors.Describe(parse));
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
            console.WriteError(DiagnosticIds.UnexpectedFailure,
                $"dotnet repro failed unexpectedly: {UnexpectedFailure.Describe(ex)}. Please report this line at the project's issue tracker.");
            if (Environment.GetEnvironmentVariable("REPRO_DEBUG") == "1")
            {
                console.Error.WriteLine(ex);
            }

            return ExitCodes.InputError;
        }
    }

    /// <summary>The parser's help, with the command as users type it (<c>dotnet repro</c>, not the executable's name).</summary>
    private static int ShowHelp(ParseResult parse, ToolConsole console)
    {
        // `help nope` parses as the root's help with 'nope' left over: that is a usage error, not the overview.
        if (parse.Action is not HelpAction || parse.Errors.Count > 0 || parse.UnmatchedTokens.Count > 0)
        {
            console.WriteError(DiagnosticIds.ToolUsage, UsageErrors.Describe(parse));
            return ExitCodes.InputError;
        }

        var text = new StringWriter();
        parse.Invoke(new InvocationConfiguration { Output = text, EnableDefaultExceptionHandler = false });
        console.Output.Write(text.ToString().Replace(RootCommand.ExecutableName + " ", "dotnet repro ", StringComparison.Ordinal));
        return ExitCodes.Ok;
    }

    /// <summary><c>--version</c>: the version of the package, as NuGet and <c>dotnet tool list</c> show it.</summary>
    private sealed class PrintVersion(ToolConsole console) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            console.Output.WriteLine(ToolVersion.Package);
            return ExitCodes.Ok;
        }
    }
}
