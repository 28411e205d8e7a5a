namespace Repro.Tool.Services;

/// <summary>A run folder whose record could not be listed, and why (one line, for people).</summary>
public sealed class UnreadableRun
{
    public UnreadableRun(string id, string reason)
    {
        Id = id;
        Reason = reason;
    }

    /// <summary>The run's folder name.</summary>
    public string Id { get; }

    public string Reason { get; }
}
