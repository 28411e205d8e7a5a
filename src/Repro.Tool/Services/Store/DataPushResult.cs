namespace Repro.Tool.Services;

/// <summary>What <c>data push</c> did: the transfer, and the files it could not take into the cache.</summary>
internal sealed class DataPushResult
{
    public DataPushResult(TransferResult transfer, List<DataFile> changed, List<DataFile> missing, int addedToCache)
    {
        Transfer = transfer;
        Changed = changed;
        Missing = missing;
        AddedToCache = addedToCache;
    }

    public TransferResult Transfer { get; }

    /// <summary>Files whose content changed since the build: skipped (their recorded content is nowhere to be had).</summary>
    public List<DataFile> Changed { get; }

    /// <summary>Files neither in the work tree nor in the cache.</summary>
    public List<DataFile> Missing { get; }

    public int AddedToCache { get; }

    public bool Complete => Changed.Count == 0 && Missing.Count == 0;
}
