namespace Repro.Tool.Services;

/// <summary>
/// A data file a manifest or a run lists: its path as recorded, where it is in this work tree, its hash and size (below
/// zero when not known: a file of a folder's listing not in the cache yet, bounded by <see cref="MaxSize"/>).
/// </summary>
internal sealed record DataFile(string Path, string FullPath, string Sha256, long Size)
{
    /// <summary>The most a download of a file of unknown size may bring (the recorded size of its folder).</summary>
    public long MaxSize { get; init; } = long.MaxValue;

    public StoreObject Object => new(Sha256, Size, Path, MaxSize);
}
