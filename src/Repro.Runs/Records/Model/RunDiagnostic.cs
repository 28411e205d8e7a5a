namespace Repro.Runs.Records;

/// <summary>A run-time warning as recorded in run.json.</summary>
public sealed class RunDiagnostic
{
    /// <summary>REPRO4xx; the page is docs/diagnostics/&lt;id&gt;.md.</summary>
    public string Id { get; set; } = "";

    /// <summary>The message, which says what to do.</summary>
    public string Message { get; set; } = "";

    /// <summary>The file the warning is about, when there is one.</summary>
    public string? File { get; set; }
}
