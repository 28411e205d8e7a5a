namespace Repro.Runs.Records;

/// <summary>Why a run or step failed.</summary>
public sealed class RunFailure
{
    /// <summary>The exception's full type name, e.g. <c>System.InvalidOperationException</c>; null for an exit code.</summary>
    public string? Type { get; set; }

    /// <summary>The exception's message (secrets redacted), never a stack trace.</summary>
    public string Message { get; set; } = "";
}
