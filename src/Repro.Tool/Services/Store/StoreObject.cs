namespace Repro.Tool.Services;

/// <summary>
/// An object to transfer: its hash, its size as recorded (below zero when not known: a file of a folder's listing), the
/// work-tree file it is (for messages), and the most a download of it may bring when its size is not known.
/// </summary>
internal sealed record StoreObject(string Sha256, long Size, string Path, long MaxSize = long.MaxValue)
{
    /// <summary>The bound of a download: the size when known, else <see cref="MaxSize"/>.</summary>
    public long Bound => Size >= 0 ? Size : MaxSize;
}
