namespace Repro.Build;

public enum ReproDiagnosticSeverity
{
    Message,
    Warning,
    Error,
}
