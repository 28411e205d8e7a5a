using System.CommandLine;

namespace Repro.Tool.Commands;

/// <summary><c>dotnet repro help [COMMAND]</c>: the same text as <c>dotnet repro COMMAND --help</c>, as git and dotnet have it.</summary>
internal static class HelpCommand
{
    public static Command Create(Func<string[], int> showHelp)
    {
        var topic = new Argument<string[]>("command") { Description = "The command to describe (default: all of them).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("help", "Show the help of a command: dotnet repro help runs.") { topic };
        command.SetAction(parse => showHelp((parse.GetValue(topic) ?? Array.Empty<string>()).Append("--help").ToArray()));
        return command;
    }
}
