using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using Repro.Build;
using Repro.Runs;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// Runs a command inside a <see cref="ReproRun"/> of this process, so that the record is exactly what Repro.Runs
/// writes for a program that records itself: the build link and data check at the start, the command's exit code and
/// signals at the end (the run ends with this process, which exits with the command's code).
/// </summary>
public static class CommandRun
{
    public static (int ExitCode, string RecordPath) Run(RunRequest request)
    {
        var options = new ReproRunOptions
        {
            RunsDirectory = request.RunsDirectory,
            ProjectDirectory = request.ProjectDirectory,
            Assembly = request.Assembly is null ? typeof(CommandRun).Assembly : LoadForManifest(request.Assembly),
        };

        // The run lives as long as this process: Repro.Runs ends it at exit with Environment.ExitCode, the command's.
        var run = ReproRun.Start(request.Name, options);
        foreach (var input in request.Inputs)
        {
            run.LogInput(input);
        }

        var start = new ProcessStartInfo(request.Command[0]) { UseShellExecute = false };
        for (var i = 1; i < request.Command.Count; i++)
        {
            start.ArgumentList.Add(request.Command[i]);
        }

        int exitCode;
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
            process.WaitForExit();
            exitCode = process.ExitCode;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            run.Fail(ex);
            throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{request.Command[0]}' could not be started: {ex.Message}");
        }

        foreach (var output in request.Outputs)
        {
            run.LogOutput(output);
        }

        Environment.ExitCode = exitCode;
        return (exitCode, run.RecordPath);
    }

    /// <summary>
    /// Loads the program's assembly only to read its embedded manifest (no code of it runs: nothing calls into it).
    /// </summary>
    private static Assembly LoadForManifest(string path)
    {
        try
        {
            return Assembly.LoadFrom(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or IOException)
        {
            throw new ToolInputException(DiagnosticIds.ToolAssemblyWithoutManifest, $"'{path}' could not be read as a .NET assembly: {ex.Message}");
        }
    }
}
