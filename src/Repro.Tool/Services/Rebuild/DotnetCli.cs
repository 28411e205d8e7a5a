using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Repro.Tool.Services;

/// <summary>Runs the dotnet CLI (it applies global.json exactly as a build in that folder would).</summary>
public static class DotnetCli
{
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The trimmed standard output, or null when dotnet could not run or failed.</summary>
    public static string? Output(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output) = Run(workingDirectory, VersionTimeout, arguments, captureErrors: false);
        return exitCode == 0 ? output.Trim() : null;
    }

    /// <summary>Runs dotnet and returns its exit code and output (standard error too, unless told otherwise); -1 when
    /// it could not start or timed out.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, TimeSpan timeout, string[] arguments, bool captureErrors = true)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        try
        {
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) =>
            {
                if (captureErrors)
                {
                    Append(output, e.Data);
                }
            };
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"dotnet {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes:0} minutes.");
            }

            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }
        catch (Win32Exception ex)
        {
            return (-1, "dotnet could not be started: " + ex.Message);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
