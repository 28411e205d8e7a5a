using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Repro.Build.Git;

/// <summary>Runs the git executable for what managed code should not re-implement (status and diff).</summary>
public sealed class GitCommandRunner
{
    private readonly string _executable;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _cancellation;
    private readonly bool _belowNormalPriority;

    /// <param name="belowNormalPriority">Lowers each git process's priority as soon as it has started (see
    /// <see cref="GitCaptureOptions.BelowNormalPriority"/>).</param>
    public GitCommandRunner(string? executable = null, TimeSpan? timeout = null, CancellationToken cancellation = default, bool belowNormalPriority = false)
    {
        _executable = string.IsNullOrEmpty(executable) ? "git" : executable!;
        _timeout = timeout ?? TimeSpan.FromMinutes(2);
        _cancellation = cancellation;
        _belowNormalPriority = belowNormalPriority;
    }

    /// <summary>Runs git in <paramref name="workingDirectory"/> and returns its standard output, at most <paramref name="maxOutputBytes"/> bytes of
    /// it.</summary>
    /// <param name="truncated">True when git wrote more than the limit; the process is then stopped.</param>
    public byte[] Run(string workingDirectory, string[] arguments, long maxOutputBytes, out bool truncated) =>
        Run(workingDirectory, arguments, maxOutputBytes, out truncated, input: null, environment: null);

    /// <summary>
    /// Runs git with <paramref name="input"/> on its standard input (plumbing such as <c>mktree</c> reads it) and
    /// <paramref name="environment"/> added to its environment.
    /// </summary>
    public byte[] Run(string workingDirectory, string[] arguments, long maxOutputBytes, out bool truncated, byte[]? input,
        System.Collections.Generic.IReadOnlyDictionary<string, string>? environment)
    {
        var output = new MemoryStream();
        var cut = new OutputCut(); // set by the reader, read once it has finished (a class: no generic over a value type to JIT-compile in every build)
        Action<Stream>? writeInput = input is { Length: > 0 } ? stream => stream.Write(input, 0, input.Length) : null;
        Execute(workingDirectory, arguments, writeInput, stream =>
        {
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var room = maxOutputBytes - output.Length;
                if (read > room)
                {
                    output.Write(buffer, 0, (int)Math.Max(0, room));
                    cut.Value = true;
                    return;
                }

                output.Write(buffer, 0, read);
            }
        }, cut, environment);
        truncated = cut.Value;
        return output.ToArray();
    }

    /// <summary>
    /// Runs git with its standard input written by <paramref name="writeInput"/> and its standard output read by
    /// <paramref name="readOutput"/>, each on a thread of its own, so that neither is ever held in memory whole (a pull
    /// streams blobs to files, a save streams files into <c>fast-import</c>). An exception of either callback stops git
    /// and is thrown here; the timeout covers the whole command.
    /// </summary>
    public void RunStreaming(string workingDirectory, string[] arguments, Action<Stream>? writeInput, Action<Stream> readOutput,
        System.Collections.Generic.IReadOnlyDictionary<string, string>? environment = null) =>
        Execute(workingDirectory, arguments, writeInput, readOutput, stoppedEarly: null, environment);

    private void Execute(string workingDirectory, string[] arguments, Action<Stream>? writeInput, Action<Stream> readOutput, OutputCut? stoppedEarly,
        System.Collections.Generic.IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(_executable)
        {
            WorkingDirectory = workingDirectory,
            Arguments = JoinArguments(arguments),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };

        // Never prompt, never take optional locks (an IDE's git may be working at the same time), and ignore what
        // the caller's environment says about where the repository is: we name it ourselves.
        start.EnvironmentVariables["GIT_TERMINAL_PROMPT"] = "0";
        start.EnvironmentVariables["GIT_OPTIONAL_LOCKS"] = "0";
        start.EnvironmentVariables["GIT_PAGER"] = "cat";
        foreach (var variable in new[] { "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE" })
        {
            start.EnvironmentVariables.Remove(variable);
        }

        if (environment is not null)
        {
            foreach (var pair in environment)
            {
                start.EnvironmentVariables[pair.Key] = pair.Value;
            }
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GitExecutableNotFoundException("git could not be started.", new InvalidOperationException());
        }
        catch (Win32Exception ex)
        {
            throw new GitExecutableNotFoundException($"The git executable '{_executable}' was not found on PATH ({ex.Message}).", ex);
        }

        using (process)
        {
            if (_belowNormalPriority)
            {
                LowerPriority(process);
            }

            // Each pipe on a thread of its own: these reads and writes block, and a caller may run on a pool thread, so
            // pool threads for them could wait on one another while the pool grows. Synchronous reads, too, through
            // ReadPipe: the asynchronous ones (and, on Unix, PipeStream's own synchronous ones) would start the
            // runtime's socket engine and JIT-compile its state machines in every build's fresh MSBuild process. The input is written on its own thread because
            // git may fill its output
            // pipe before it has read all of its input.
            Exception? inputFailure = null;
            Task? inputTask = null;
            if (writeInput is not null)
            {
                inputTask = OnOwnThread(() =>
                {
                    try
                    {
                        writeInput(process.StandardInput.BaseStream);
                    }
                    catch (IOException)
                    {
                        // git stopped reading (it failed or was killed): its exit code tells.
                    }
#pragma warning disable CA1031 // handed to the caller's thread below, after git has been stopped
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        inputFailure = ex;
                        Kill(process);
                    }

                    CloseInput(process);
                });
            }
            else
            {
                CloseInput(process);
            }

            var errorTask = OnOwnThread(() =>
            {
                var text = "";
                ReadPipe(process.StandardError.BaseStream, stream =>
                {
                    using var reader = new StreamReader(stream, Encoding.UTF8, false, 4096, leaveOpen: true);
                    text = reader.ReadToEnd();
                });
                return text;
            });
            var readTask = OnOwnThread(() => ReadPipe(process.StandardOutput.BaseStream, readOutput));

            bool finished;
            try
            {
                finished = readTask.Wait((int)_timeout.TotalMilliseconds, _cancellation);
            }
            catch (OperationCanceledException)
            {
                Kill(process); // the build was cancelled: stop git too
                throw;
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                Kill(process); // the reader refused what git wrote (or could not store it): git has nothing more to do
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
                throw;
            }

            if (!finished)
            {
                Kill(process);
                throw new GitCommandException($"git {arguments[0]} did not finish within {_timeout.TotalSeconds:0} seconds.");
            }

            if (stoppedEarly is { Value: true })
            {
                Kill(process);
                return;
            }

            if (!process.WaitForExit((int)_timeout.TotalMilliseconds))
            {
                Kill(process);
                throw new GitCommandException($"git {arguments[0]} did not finish within {_timeout.TotalSeconds:0} seconds.");
            }

            // git has exited: the untimed wait returns at once and completes the runtime's own bookkeeping of the exit
            // before the exit code is read (the documented order when output is redirected).
            process.WaitForExit();
            inputTask?.Wait(TimeSpan.FromSeconds(5));
            if (inputFailure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inputFailure).Throw();
            }

            if (process.ExitCode != 0)
            {
                // git names remotes in its errors, and a remote URL may carry a token: never pass one on.
                var error = ErrorText(errorTask);
                error = Security.SecretDetector.RedactInline(FailureText.UrlUserInfo.Replace(error, "://***@"));
                throw new GitCommandException($"git {arguments[0]} failed with exit code {process.ExitCode}: {FirstLine(error)}", process.ExitCode, error);
            }
        }
    }

    private sealed class OutputCut
    {
        public bool Value;
    }

    // Only failures need it: a build that runs git successfully never constructs the pattern.
    private static class FailureText
    {
        // Any user info in a URL, a bare token as the user name too (https://TOKEN@host/...).
        public static readonly System.Text.RegularExpressions.Regex UrlUserInfo = new(@"://[^/\s@'""]+@",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }

    private static Task<T> OnOwnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task OnOwnThread(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Reads a pipe of git's: on Unix through a plain file stream over its handle, since <c>PipeStream</c> wraps the pipe
    /// in a <c>Socket</c> for its first read, which loads System.Net.Sockets and starts its event thread in every
    /// build's MSBuild process. The handle stays the process's, held (reference-counted) while it is read: if the
    /// process is disposed meanwhile (a timeout, a cancelled build), its descriptor is not closed under the read and
    /// cannot be reused for another file of MSBuild's.
    /// </summary>
    private static void ReadPipe(Stream pipe, Action<Stream> read)
    {
#if NET
        if (pipe is System.IO.Pipes.PipeStream pipeStream && !OperatingSystem.IsWindows())
        {
            var handle = pipeStream.SafePipeHandle;
            var added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                using var file = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(handle.DangerousGetHandle(), ownsHandle: false), FileAccess.Read,
                    bufferSize: 0);
                read(file);
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }

            return;
        }
#endif
        read(pipe);
    }

    /// <summary>
    /// Below normal priority, best effort. On Linux the nice value belongs to git's main thread, and the threads git
    /// starts later (the parallel <c>lstat</c> of <c>core.preloadIndex</c>) inherit it; git has not started them
    /// this early, since it first reads its config and the index.
    /// </summary>
    private static void LowerPriority(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or PlatformNotSupportedException or NotSupportedException)
        {
            // git has already exited, or the platform does not allow it: it runs at normal priority.
        }
    }

    private static void CloseInput(Process process)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // git stopped reading or has exited: nothing more to tell it.
        }
    }

    /// <summary>What git wrote on its standard error; empty when it cannot be read within a few seconds.</summary>
    private static string ErrorText(Task<string> errorTask)
    {
        try
        {
            return errorTask.Wait(TimeSpan.FromSeconds(5)) ? errorTask.Result.Trim() : "";
        }
        catch (AggregateException)
        {
            return ""; // the pipe failed (or the process was disposed under it): the exit code still tells what happened
        }
    }

    private static void Kill(Process process)
    {
        try
        {
#if NET
            process.Kill(entireProcessTree: true); // a wrapper script's children too
#else
            process.Kill();
#endif
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception)
        {
        }
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n');
        return newline >= 0 ? text.Substring(0, newline).Trim() : text;
    }

    // ProcessStartInfo.ArgumentList is not in netstandard2.0: quote as the C runtime parses command lines.
    private static string JoinArguments(string[] arguments)
    {
        var builder = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\\' }) < 0)
            {
                builder.Append(argument);
                continue;
            }

            builder.Append('"');
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }

                if (c == '"')
                {
                    builder.Append('\\', (backslashes * 2) + 1);
                }
                else
                {
                    builder.Append('\\', backslashes);
                }

                backslashes = 0;
                builder.Append(c);
            }

            builder.Append('\\', backslashes * 2);
            builder.Append('"');
        }

        return builder.ToString();
    }
}
