using System;

namespace Repro.Build.Git;

/// <summary>The git executable is not on PATH (or could not be started).</summary>
public sealed class GitExecutableNotFoundException : Exception
{
    public GitExecutableNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
