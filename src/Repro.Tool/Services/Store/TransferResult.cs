namespace Repro.Tool.Services;

/// <summary>What a push or pull did, object by object.</summary>
internal sealed class TransferResult
{
    /// <summary>Objects sent (push) or fetched into the cache (pull).</summary>
    public List<StoreObject> Transferred { get; } = [];

    /// <summary>Objects that were already where they were going (on the remote, or in the cache).</summary>
    public List<StoreObject> AlreadyThere { get; } = [];

    /// <summary>Objects the source does not have (not in the cache for a push, not on the remote for a pull).</summary>
    public List<StoreObject> Missing { get; } = [];

    /// <summary>Objects whose bytes did not have their hash (pull): nothing was placed for them.</summary>
    public List<(StoreObject Object, string Actual)> Corrupt { get; } = [];

    public long BytesTransferred { get; set; }
}
