using System;

namespace Repro.Build.Git;

/// <summary>git ran but failed, or did not finish in time.</summary>
public sealed class GitCommandException : Exception
{
    public GitCommandException(string message)
        : base(message)
    {
    }
}
