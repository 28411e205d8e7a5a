using System;
using System.ComponentModel;
using System.Diagnostics;

namespace Repro.Tool.Services;

/// <summary>Asks the dotnet CLI for versions (it applies global.json exactly as a build in that folder would).</summary>
public static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The trimmed standard output, or null when dotnet could not run or failed.</summary>
    public static string? Output(string workingDirectory, params string[] arguments)
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
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            process.WaitForExit();
            _ = error.Result;
            return process.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
