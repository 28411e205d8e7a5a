namespace Repro.Build.Runs;

/// <summary>A run-time warning as recorded in run.json.</summary>
public sealed class RunDiagnostic
{
    /// <summary>REPRO4xx; the page is docs/diagnostics/&lt;id&gt;.md.</summary>
    public string Id { get; set; } = "";

    public string Message { get; set; } = "";

    /// <summary>The file the warning is about, when there is one.</summary>
    public string? File { get; set; }
}
