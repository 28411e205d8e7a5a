using System;

namespace Repro.Build.Git;

/// <summary>git ran but failed, or did not finish in time.</summary>
public sealed class GitCommandException : Exception
{
    public GitCommandException(string message)
        : base(message)
    {
    }

    public GitCommandException(string message, int exitCode, string standardError)
        : base(message)
    {
        ExitCode = exitCode;
        StandardError = standardError;
    }

    /// <summary>git's exit code, or null when it did not finish.</summary>
    public int? ExitCode { get; }

    /// <summary>What git wrote to standard error, with credentials (a remote URL's user info, tokens) redacted.</summary>
    public string StandardError { get; } = "";
}
