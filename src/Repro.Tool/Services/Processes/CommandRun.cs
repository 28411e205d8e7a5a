using System.ComponentModel;
using System.Diagnostics;
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

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            run.Fail(ex);
            throw new ToolInputException(DiagnosticIds.ToolInputMissing, $"'{request.Command[0]}' could not be started: {ProcessTree.StartFailure(ex)}.");
        }

        int exitCode;
        using (process)
        {
            // A signal to the tool stops the command with every process it started (they would run on with nobody
            // waiting for them), then the tool ends as the signal would have ended it (128 + its number), and
            // Repro.Runs records the run as killed by it. The signal is cancelled so that the tool ends only once the
            // kill is done; the kill holds a lock, as the command's end wakes this thread.
            var killing = new object();
            string? signal = null;
            using var signals = TerminationSignals.Watch(name =>
            {
                lock (killing)
                {
                    signal ??= name;
                    ProcessTree.Kill(process);
                }
            }, keepRunning: true);
            process.WaitForExit();
            lock (killing)
            {
                exitCode = signal is null ? process.ExitCode : 128 + TerminationSignals.Number(signal);
            }

            if (signal is not null)
            {
                // Repro.Runs' own handler of the same signal may not have run yet when this thread ends the process:
                // the run is told here, so that it ends as killed, not as failed with exit code 128 + n.
                run.OnSignal(signal, handledByProgram: true);
            }
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
