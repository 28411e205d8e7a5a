using System.Text;
using System.Text.Json;

namespace Repro.Tool.Output;

/// <summary>
/// Where a command writes: standard output (reports, JSON), standard error (the one-line errors). Tables and colour
/// only when standard output is a terminal; Spectre.Console is not even loaded otherwise (start-up time).
/// </summary>
public sealed class ToolConsole
{
    public ToolConsole(TextWriter output, TextWriter error, bool isTerminal)
    {
        Output = output;
        Error = error;
        IsTerminal = isTerminal;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool IsTerminal { get; }

    public static ToolConsole FromProcess()
    {
        var terminal = !Console.IsOutputRedirected
            && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        return new ToolConsole(Console.Out, Console.Error, terminal);
    }

    public void Write(Report report)
    {
        if (IsTerminal)
        {
            WriteToTerminal(report);
        }
        else
        {
            PlainRenderer.Render(report, Output);
        }
    }

    /// <summary>Writes one JSON document: indented, LF line ends, '&lt;', '&gt;' and '+' readable, a final newline.</summary>
    /// <remarks>Streamed to the output as it is written (a listing of 100,000 runs is 100 MB of JSON), never held whole.</remarks>
    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        using (var stream = new TextWriterStream(Output))
        using (var writer = new Utf8JsonWriter(stream, Repro.Build.IO.IndentedJson.Options))
        {
            write(writer);
        }

        Output.Write('\n');
    }

    public static string JsonText(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(Repro.Build.IO.IndentedJson.Write(write));

    /// <summary>The one line a failure prints: <c>error REPRO502: …</c>.</summary>
    public void WriteError(string code, string message) =>
        Error.WriteLine($"error {code}: {Printable.Of(System.Text.RegularExpressions.Regex.Replace(message, @"[\r\n\t]+", " ").Trim())}");

    /// <summary>A line about something skipped that did not stop the command: <c>warning REPRO520: …</c>.</summary>
    public void WriteWarning(string code, string message) =>
        Error.WriteLine($"warning {code}: {Printable.Of(System.Text.RegularExpressions.Regex.Replace(message, @"[\r\n\t]+", " ").Trim())}");

    // Kept apart so that the JIT loads Spectre.Console only on this path.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void WriteToTerminal(Report report) => TerminalRenderer.Render(report, Spectre.Console.AnsiConsole.Console);
}
