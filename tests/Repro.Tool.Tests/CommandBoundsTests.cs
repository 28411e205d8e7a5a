using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Repro.Build;
using Repro.Tool.Input;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

/// <summary>
/// `check` and `run` never leave a command behind: at the timeout, and on a signal to the tool, the command and every
/// process it started are killed and the temporary folder is removed.
/// </summary>
public sealed class CommandBoundsTests : IDisposable
{
    // A command that never ends and starts a process of its own, whose id it writes down.
    private const string NeverEnds = "sleep 1000 & echo $! > \"$PID_FILE\"; wait";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "repro-bounds-" + Guid.NewGuid().ToString("N"));

    public CommandBoundsTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("1.5h", 5400)]
    [InlineData("3600", 3600)]
    [InlineData(" 45 ", 45)]
    public void Timeouts_are_seconds_or_a_number_with_a_unit(string text, double seconds)
    {
        Assert.True(ReproducibilityCheck.TryParseTimeout(text, out var timeout));
        Assert.Equal(TimeSpan.FromSeconds(seconds), timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5s")]
    [InlineData("10d")]
    [InlineData("1e3")]
    [InlineData("8000h")]
    [InlineData("soon")]
    public void Anything_else_is_not_a_timeout(string text) => Assert.False(ReproducibilityCheck.TryParseTimeout(text, out _));

    [Fact]
    public void At_the_timeout_the_command_and_its_children_are_killed_and_the_temporary_folder_removed()
    {
        var pidFile = Path.Combine(_root, "child.pid");
        Environment.SetEnvironmentVariable("PID_FILE", pidFile); // inherited by the command
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<ToolInputException>(() =>
            ReproducibilityCheck.Run("sh", new[] { "-c", NeverEnds }, 2, 0, TimeSpan.FromSeconds(2), TextWriter.Null, temporaryParent: _root));

        Assert.Equal(DiagnosticIds.ToolCheckFailed, error.Code);
        Assert.StartsWith("The command did not end within the 2s of --timeout in run 1 of 2 (as given)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        AssertGone(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Directory.EnumerateDirectories(_root, "repro-check-*"));
    }

    [Fact]
    public void A_stop_request_kills_the_command_and_its_children_and_says_which_signal()
    {
        var pidFile = Path.Combine(_root, "child.pid");
        Environment.SetEnvironmentVariable("PID_FILE", pidFile);
        using var stop = new CheckStop();
        using var timer = new Timer(_ => stop.Request("SIGTERM"), null, TimeSpan.FromSeconds(1.5), Timeout.InfiniteTimeSpan);

        var error = Assert.Throws<ToolInputException>(() =>
            ReproducibilityCheck.Run("sh", new[] { "-c", NeverEnds }, 2, 0, TimeSpan.FromHours(1), TextWriter.Null, stop, _root));

        Assert.StartsWith("The check was stopped (SIGTERM) during run 1 of 2", error.Message, StringComparison.Ordinal);
        AssertGone(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Directory.EnumerateDirectories(_root, "repro-check-*"));
    }

    [Fact]
    public void A_check_stopped_between_two_runs_starts_no_further_run()
    {
        var marker = Path.Combine(_root, "started");
        using var stop = new CheckStop();
        stop.Request("SIGINT");

        var error = Assert.Throws<ToolInputException>(() =>
            ReproducibilityCheck.Run("sh", new[] { "-c", $"touch '{marker}'" }, 2, 0, TimeSpan.FromHours(1), TextWriter.Null, stop, _root));

        Assert.StartsWith("The check was stopped (SIGINT) before run 1 of 2", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.Empty(Directory.EnumerateDirectories(_root, "repro-check-*"));
    }

    [Fact]
    public void SIGTERM_to_the_tool_during_a_check_leaves_no_process_and_no_folder_and_prints_one_line()
    {
        var (tool, pid, stderr) = StartTool("check", "--timeout", "10m", "--", "sh", "-c", NeverEnds);

        Signal(tool.Id, "TERM");
        Assert.True(tool.WaitForExit(20_000), "the tool did not end");

        Assert.Equal(2, tool.ExitCode);
        var lines = stderr().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var error = Assert.Single(lines, l => l.Contains("REPRO521", StringComparison.Ordinal));
        Assert.Contains("stopped (SIGTERM)", error, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Exception", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        AssertGone(pid);
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(_root, "tmp"), "repro-check-*"));
    }

    [Fact]
    public void SIGTERM_to_the_tool_during_a_recorded_run_stops_the_command_and_its_children()
    {
        var (tool, pid, _) = StartTool("run", "--runs-dir", Path.Combine(_root, "runs"), "--", "sh", "-c", NeverEnds);

        Signal(tool.Id, "TERM");
        Assert.True(tool.WaitForExit(20_000), "the tool did not end");

        Assert.Equal(143, tool.ExitCode); // as the signal would have ended it
        AssertGone(pid);
        var record = Directory.EnumerateFiles(Path.Combine(_root, "runs"), "run.json", SearchOption.AllDirectories).Single();
        Assert.Contains("\"status\": \"killed\"", File.ReadAllText(record), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_timeout_is_one_line_and_exit_code_2()
    {
        var (tool, _, stderr) = StartTool(waitForChild: false, "check", "--timeout", "soon", "--", "true");

        Assert.True(tool.WaitForExit(20_000));
        Assert.Equal(2, tool.ExitCode);
        Assert.StartsWith("error REPRO507: --timeout 'soon' is not a duration", Assert.Single(stderr().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    private (Process Tool, int ChildPid, Func<string> Stderr) StartTool(params string[] args) => StartTool(true, args);

    // The real tool in a process of its own (a signal to it must not reach the test host), with a temporary folder of its own.
    private (Process Tool, int ChildPid, Func<string> Stderr) StartTool(bool waitForChild, params string[] args)
    {
        var pidFile = Path.Combine(_root, "tool-child.pid");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Directory.CreateDirectory(Path.Combine(_root, "tmp"));
        start.Environment["TMPDIR"] = Path.Combine(_root, "tmp");
        start.Environment["PID_FILE"] = pidFile;
        var tool = Process.Start(start)!;
        var error = new System.Text.StringBuilder();
        tool.ErrorDataReceived += (_, e) =>
        {
            lock (error)
            {
                error.Append(e.Data).Append('\n');
            }
        };
        tool.BeginErrorReadLine();
        tool.BeginOutputReadLine();
        string Stderr()
        {
            tool.WaitForExit(); // the end of the redirected streams
            lock (error)
            {
                return error.ToString();
            }
        }

        if (!waitForChild)
        {
            return (tool, 0, Stderr);
        }

        var watch = Stopwatch.StartNew();
        while (!(File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n')))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                tool.Kill(entireProcessTree: true);
                Assert.Fail("the command did not start: " + Stderr());
            }

            Thread.Sleep(50);
        }

        return (tool, int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture), Stderr);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", new[] { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        kill.WaitForExit();
    }

    // Gone: no such process, or a zombie that nobody has reaped yet (it runs no more).
    private static void AssertGone(int pid)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                return;
            }

            var state = stat.Substring(stat.LastIndexOf(')') + 2, 1);
            if (state is "Z" or "X")
            {
                return;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"process {pid} still runs (state {state})");
            Thread.Sleep(50);
        }
    }
}
