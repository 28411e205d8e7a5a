namespace Repro.Tool.Services;

/// <summary>One data file in <c>data status</c>: in the cache, on the remote (null without a remote), and in the work tree.</summary>
internal sealed record DataStatusEntry(DataFile File, bool InCache, bool? OnRemote, WorkTreeState WorkTree)
{
    public bool Ok => InCache && OnRemote != false && WorkTree == WorkTreeState.Unchanged;
}
