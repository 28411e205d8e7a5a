namespace Repro.Build;

/// <summary>A finding of the capture code, reported by the host (the MSBuild task logs it with its code).</summary>
public sealed class ReproDiagnostic
{
    public ReproDiagnostic(string code, ReproDiagnosticSeverity severity, string message, string? file = null)
    {
        Code = code;
        Severity = severity;
        Message = message;
        File = file;
    }

    public string Code { get; }

    public ReproDiagnosticSeverity Severity { get; }

    public string Message { get; }

    /// <summary>The file the finding is about, when there is one.</summary>
    public string? File { get; }

    public override string ToString() => $"{Severity} {Code}: {Message}";
}
