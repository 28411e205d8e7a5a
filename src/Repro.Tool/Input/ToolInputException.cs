namespace Repro.Tool.Input;

/// <summary>
/// Input the tool cannot use (a missing file, not a manifest, a future format): reported as one line with its REPRO5xx
/// code and exit code 2, never as a stack trace.
/// </summary>
public sealed class ToolInputException : Exception
{
    public ToolInputException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public string Code { get; }
}
