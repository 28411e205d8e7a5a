namespace Repro.Tool.Services;

/// <summary>The commits between two manifests' commits, as <c>git log --oneline A..B</c> lists them.</summary>
public sealed class CommitRange
{
    public CommitRange(string from, string to, IReadOnlyList<string> commits, bool truncated, string? unavailable)
    {
        From = from;
        To = to;
        Commits = commits;
        Truncated = truncated;
        Unavailable = unavailable;
    }

    public string From { get; }

    public string To { get; }

    /// <summary><c>&lt;short id&gt; &lt;subject&gt;</c>, newest first.</summary>
    public IReadOnlyList<string> Commits { get; }

    public bool Truncated { get; }

    /// <summary>Why the log could not be listed (no repository here, a commit not in it), or null.</summary>
    public string? Unavailable { get; }
}
