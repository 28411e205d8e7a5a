using System;

namespace Repro.Runs.Sharing;

/// <summary>Runs could not be saved to, fetched from or pushed to a git ref; the message says why and what to do.</summary>
internal sealed class RunShareException : Exception
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
