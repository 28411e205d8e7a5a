using System;

namespace Repro.Build.Git;

/// <summary>A file under <c>.git</c> does not have the form git gives it: the repository is corrupt or not one we can read.</summary>
public sealed class GitFormatException : Exception
{
    public GitFormatException(string message)
        : base(message)
    {
    }
}
