namespace Repro.Tool.Services;

/// <summary>
/// One file in <c>data status</c>: in the cache, on the remote (null without a remote), and in the work tree.
/// <paramref name="StoreOnly"/>: a run's output, which belongs in the store, not necessarily in the work tree.
/// </summary>
internal sealed record DataStatusEntry(DataFile File, bool InCache, bool? OnRemote, WorkTreeState WorkTree, bool StoreOnly = false)
{
    public bool Ok => InCache && OnRemote != false && (StoreOnly || WorkTree == WorkTreeState.Unchanged);
}
