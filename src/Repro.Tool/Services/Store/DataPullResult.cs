namespace Repro.Tool.Services;

/// <summary>What <c>data pull</c> did: the transfer into the cache, and what it did to each work-tree file.</summary>
internal sealed class DataPullResult
{
    public DataPullResult(TransferResult transfer)
    {
        Transfer = transfer;
    }

    public TransferResult Transfer { get; }

    /// <summary>Files that were missing from the work tree and were put there.</summary>
    public List<DataFile> Placed { get; } = [];

    /// <summary>Files of the work tree whose content differs from the manifest's: left as they are.</summary>
    public List<DataFile> Kept { get; } = [];

    /// <summary>Files outside the work tree: fetched into the cache, never written.</summary>
    public List<DataFile> Outside { get; } = [];

    /// <summary>Files that are on neither the cache nor the remote.</summary>
    public List<DataFile> Missing { get; } = [];

    public bool Complete => Kept.Count == 0 && Missing.Count == 0 && Outside.Count == 0 && Transfer.Corrupt.Count == 0;
}
