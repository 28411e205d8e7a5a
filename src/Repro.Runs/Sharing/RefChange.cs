namespace Repro.Runs.Sharing;

/// <summary>One file of a run that differs between two states of the ref (from <c>git diff-tree</c>), already validated.</summary>
internal sealed class RefChange
{
    public RefChange(string runId, string fileName, string? oldBlob, string? newBlob)
    {
        RunId = runId;
        FileName = fileName;
        OldBlob = oldBlob;
        NewBlob = newBlob;
    }

    public string RunId { get; }

    public string FileName { get; }

    /// <summary>The blob before; null when the file is new.</summary>
    public string? OldBlob { get; }

    /// <summary>The blob after; null when the file was removed.</summary>
    public string? NewBlob { get; }

    /// <summary>The file's path in the ref's tree.</summary>
    public string TreePath => SharedRunNames.TreePath(RunId, FileName);
}
