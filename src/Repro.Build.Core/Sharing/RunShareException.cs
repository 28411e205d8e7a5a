using System;

namespace Repro.Build.Sharing;

/// <summary>Runs could not be saved to, fetched from or pushed to a git ref; the message says why and what to do.</summary>
public sealed class RunShareException : Exception
{
    public RunShareException(string message)
        : base(message)
    {
    }

    public RunShareException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
