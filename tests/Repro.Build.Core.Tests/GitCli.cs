using System;
using System.Diagnostics;

namespace Repro.Build.Core.Tests;

/// <summary>Runs the real git to build repositories in every shape the reader must handle.</summary>
internal static class GitCli
{
    public static string Run(string workingDirectory, params string[] arguments) =>
        System.Text.Encoding.UTF8.GetString(RunBytes(workingDirectory, arguments)).Trim();

    public static byte[] RunBytes(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the user's and the machine's git configuration out of the tests.
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = "test@example.com";
        start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
        start.Environment["GIT_ALLOW_PROTOCOL"] = "file";

        start.Environment["GIT_CONFIG_COUNT"] = "1";
        start.Environment["GIT_CONFIG_KEY_0"] = "protocol.file.allow";
        start.Environment["GIT_CONFIG_VALUE_0"] = "always";

        using var process = Process.Start(start)!;
        using var output = new System.IO.MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEnd();
        copy.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }

        return output.ToArray();
    }

    /// <summary>Creates a repository with one commit on <paramref name="branch"/> and returns its commit id.</summary>
    public static string InitWithCommit(string directory, string branch = "main", string objectFormat = "sha1")
    {
        Run(directory, "init", "-q", "-b", branch, "--object-format=" + objectFormat);
        System.IO.File.WriteAllText(System.IO.Path.Combine(directory, "file.txt"), "content");
        Run(directory, "add", "-A");
        Run(directory, "commit", "-q", "-m", "first");
        return Run(directory, "rev-parse", "HEAD");
    }
}
